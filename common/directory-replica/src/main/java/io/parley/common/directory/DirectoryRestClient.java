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

import io.parley.common.events.directory.TenantData;
import io.parley.common.events.directory.UserData;

/**
 * directory-service's API as a caller sees it: the objects a replica has not heard of yet. The caller's own identity
 * token goes with each request, so the directory answers only what that caller may see.
 */
@RegisterRestClient(configKey = "directory-service")
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
interface DirectoryRestClient {

    /** {@code {"tenant": {...}}}: the tenant as the directory's events carry it. */
    @GET
    @Path("tenants/{tenantId}.json")
    TenantAnswer tenant(@PathParam("tenantId") UUID tenantId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code {"user": {...}}}: the user as the directory's events carry them. */
    @GET
    @Path("users/{userId}.json")
    UserData user(@PathParam("userId") UUID userId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * The API's answer for one tenant: the tenant alone, without the {@code system_tenant} flag that only the
     * directory's events carry.
     */
    record TenantAnswer(TenantData.Tenant tenant) {
    }
}
