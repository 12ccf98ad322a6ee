package io.parley.crypto.grant;

import java.util.List;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.crypto.ApiExamples;
import io.parley.crypto.key.KeyGrant;
import io.parley.crypto.key.KeyIds;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.3.6-3.3.8: the users authorized to a key; grant and revoke. */
@Tag(name = "Encryption keys", description = "Reference 3.3")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    /** One authorized user: {@code user_id} as the reference shows it, and whether the grant opens the key now. */
    @Schema(name = "AuthorizedUser", requiredProperties = { "user_id", "status" })
    public record AuthorizedUser(UUID userId,
            @Schema(enumeration = {
                    "active", "pending" }) String status){
    }

    private final GrantService grants;

    GrantResource(GrantService grants) {
        this.grants = grants;
    }

    @Operation(operationId = "list_authorized_users", summary = "List the users authorized to a key")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of authorized users", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "users", "next_url" }, properties = {
                    @SchemaProperty(name = "users", type = SchemaType.ARRAY, implementation = AuthorizedUser.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "users", value = ApiExamples.AUTHORIZED_USERS)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys/{keyId}/authorized_users.json")
    public AuthorizedUsers list(@PathParam("keyId") String keyId, @Context UriInfo uri) {
        Page<AuthorizedUser> page = grants.list(KeyIds.parse(keyId), PageRequest.from(uri), uri)
                .map(grant -> new AuthorizedUser(grant.userId, grants.status(grant).name().toLowerCase()));
        return new AuthorizedUsers(page.items(), page.nextUrl(), page.total());
    }

    /** A page of a key's authorized users; {@code total} is left out where it is not known. */
    public record AuthorizedUsers(List<AuthorizedUser> users, String nextUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
    }

    @Operation(operationId = "authorize_user", summary = "Authorize a user to a key")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user", value = ApiExamples.GRANT)))
    @PermissionsAllowed("encrypt_keys:grant")
    @POST
    @Path("encrypt_keys/{keyId}/authorized_users.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("keyId") String keyId, GrantInput.Document body,
            @Parameter(hidden = true) @HeaderParam(KeySecret.HEADER) String secret) {
        KeyGrant grant = grants.grant(KeyIds.parse(keyId), body == null ? null : body.user(), secret);
        return ApiResponses.created("/api/v2/encrypt_keys/" + grant.keyId + "/authorized_users/" + grant.userId
                + ".json");
    }

    @Operation(operationId = "revoke_user", summary = "Take a user's authorization to a key away")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("encrypt_keys:grant")
    @DELETE
    @Path("encrypt_keys/{keyId}/authorized_users/{userId}.json")
    public Response revoke(@PathParam("keyId") String keyId, @PathParam("userId") String userId) {
        grants.revoke(KeyIds.parse(keyId), ApiIds.parse(userId).orElse(null));
        return Response.ok().build();
    }
}
