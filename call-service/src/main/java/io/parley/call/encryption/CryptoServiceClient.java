package io.parley.call.encryption;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.parley.common.api.crypto.KeySecret;

/** crypto-service's internal contract for playback (docs/encryption.md): a recording's data key, opened. */
@RegisterRestClient(configKey = "crypto-service")
@Path("/internal/v1/encrypt_keys")
interface CryptoServiceClient {

    /** {@code {"wrapped_key": base64}} in, {@code {"data_key": base64}} out. */
    @POST
    @Path("{keyId}/data_key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, String> openDataKey(@PathParam("keyId") UUID keyId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(KeySecret.HEADER) String keySecret, Map<String, String> wrapped);
}
