package io.parley.crypto.key;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.crypto.protection.PersonalKeys;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.3.1-3.3.5: list, create (generate or import), view, update and delete encryption keys. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class EncryptKeyResource {

    private final EncryptKeyService keys;
    private final PersonalKeys personalKeys;
    private final Caller caller;

    EncryptKeyResource(EncryptKeyService keys, PersonalKeys personalKeys, Caller caller) {
        this.keys = keys;
        this.personalKeys = personalKeys;
        this.caller = caller;
    }

    /** {@code search_text} is the reference's name for the search; {@code search_term} as on every other list. */
    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys.json")
    public Map<String, Object> list(@QueryParam("search_text") String searchText,
            @QueryParam("search_term") String searchTerm, @QueryParam("tenant_id") String tenantId,
            @HeaderParam(KeySecret.HEADER) String secret, @Context UriInfo uri) {
        // a user reaching crypto-service with their secret gets a personal key, so that keys can be granted to them
        personalKeys.ensure(caller.userId(), secret);
        return keys.search(searchText != null ? searchText : searchTerm,
                ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .envelope("encrypt_keys", EncryptKeyView::of);
    }

    @PermissionsAllowed("encrypt_keys:add")
    @POST
    @Path("encrypt_keys.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(EncryptKeyInput.Document body, @HeaderParam(KeySecret.HEADER) String secret) {
        EncryptKey key = keys.create(body == null ? null : body.encryptKey(), secret);
        return ApiResponses.created(location(key.id));
    }

    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys/{keyId}.json")
    public EncryptKeyView.Document view(@PathParam("keyId") String keyId) {
        return new EncryptKeyView.Document(EncryptKeyView.of(keys.find(id(keyId))
                .orElseThrow(() -> ApiException.notFound("Encrypt key"))));
    }

    @PermissionsAllowed("encrypt_keys:edit")
    @PUT
    @Path("encrypt_keys/{keyId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public EncryptKeyView.Document update(@PathParam("keyId") String keyId, EncryptKeyInput.Update.Document body) {
        return new EncryptKeyView.Document(
                EncryptKeyView.of(keys.update(id(keyId), body == null ? null : body.encryptKey())));
    }

    @PermissionsAllowed("encrypt_keys:delete")
    @DELETE
    @Path("encrypt_keys/{keyId}.json")
    public Response delete(@PathParam("keyId") String keyId) {
        keys.delete(id(keyId));
        return Response.ok().build();
    }

    /** A path id that is not a UUID names no key. */
    public static UUID id(String keyId) {
        return ApiIds.parse(keyId).orElseThrow(() -> ApiException.notFound("Encrypt key"));
    }

    static String location(UUID id) {
        return "/api/v2/encrypt_keys/" + id + ".json";
    }
}
