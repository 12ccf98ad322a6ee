package io.parley.common.directory;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * directory-service's API as a caller sees it: the objects a replica has not heard of yet. The caller's own identity
 * token goes with each request, so the directory answers only what that caller may see.
 */
@RegisterRestClient(configKey = "directory-service")
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
interface DirectoryRestClient {

    /** {@code {"tenant": {...}}}, as reference 3.6 shows a tenant. */
    @GET
    @Path("tenants/{tenantId}.json")
    JsonNode tenant(@PathParam("tenantId") UUID tenantId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code {"user": {...}}}, as reference 3.7 shows a user. */
    @GET
    @Path("users/{userId}.json")
    JsonNode user(@PathParam("userId") UUID userId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
