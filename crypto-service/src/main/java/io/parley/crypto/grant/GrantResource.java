package io.parley.crypto.grant;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.paging.PageRequest;
import io.parley.crypto.key.EncryptKeyResource;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.3.6-3.3.8: the users authorized to a key; grant and revoke. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    /** One authorized user: {@code user_id} as the reference shows it, and whether the grant opens the key now. */
    public record AuthorizedUser(UUID userId, String status) {
    }

    private final GrantService grants;

    GrantResource(GrantService grants) {
        this.grants = grants;
    }

    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys/{keyId}/authorized_users.json")
    public Map<String, Object> list(@PathParam("keyId") String keyId, @Context UriInfo uri) {
        return grants.list(EncryptKeyResource.id(keyId), PageRequest.from(uri), uri).envelope("users",
                grant -> new AuthorizedUser(grant.userId, grants.status(grant).name().toLowerCase()));
    }

    @PermissionsAllowed("encrypt_keys:grant")
    @POST
    @Path("encrypt_keys/{keyId}/authorized_users.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("keyId") String keyId, GrantInput.Document body,
            @HeaderParam(KeySecret.HEADER) String secret) {
        KeyGrant grant = grants.grant(EncryptKeyResource.id(keyId), body == null ? null : body.user(), secret);
        return ApiResponses.created("/api/v2/encrypt_keys/" + grant.keyId + "/authorized_users/" + grant.userId
                + ".json");
    }

    @PermissionsAllowed("encrypt_keys:grant")
    @DELETE
    @Path("encrypt_keys/{keyId}/authorized_users/{userId}.json")
    public Response revoke(@PathParam("keyId") String keyId, @PathParam("userId") String userId) {
        grants.revoke(EncryptKeyResource.id(keyId), ApiIds.parse(userId).orElse(null));
        return Response.ok().build();
    }
}
