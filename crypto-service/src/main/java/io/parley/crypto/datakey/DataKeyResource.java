package io.parley.crypto.datakey;

import java.util.Base64;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.parley.common.api.crypto.KeySecret;
import io.parley.crypto.key.KeyIds;
import io.quarkus.security.PermissionsAllowed;

/**
 * For call-service, not routed by the gateway (docs/encryption.md): unwraps a recording's data key for the caller
 * whose identity token comes with the request, when they may play recordings back and, for a user-mode key, hold a
 * grant and sent their password-derived secret. The private key never leaves this service.
 */
@Path("/internal/v1/encrypt_keys/{keyId}/data_key")
@Produces(MediaType.APPLICATION_JSON)
public class DataKeyResource {

    /** {@code {"wrapped_key": "<base64>"}}: the data key as RSA-OAEP wrapped it to the key's public half. */
    public record Request(String wrappedKey) {
    }

    /** {@code {"data_key": "<base64>"}}. */
    public record Answer(String dataKey) {
    }

    private final DataKeyService dataKeys;

    DataKeyResource(DataKeyService dataKeys) {
        this.dataKeys = dataKeys;
    }

    @PermissionsAllowed({ "calls:playback", "calls_own:playback" })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer unwrap(@PathParam("keyId") String keyId, Request body,
            @HeaderParam(KeySecret.HEADER) String secret) {
        byte[] dataKey = dataKeys.unwrap(KeyIds.parse(keyId), body == null ? null : body.wrappedKey(),
                secret);
        return new Answer(Base64.getEncoder().encodeToString(dataKey));
    }
}
