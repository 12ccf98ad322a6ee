package io.parley.crypto.key;

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

import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.crypto.ApiExamples;
import io.parley.crypto.protection.PersonalKeys;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.3.1-3.3.5: list, create (generate or import), view, update and delete encryption keys. */
@Tag(name = "Encryption keys", description = "Reference 3.3")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
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
    @Operation(operationId = "list_encrypt_keys", summary = "List and search encryption keys")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of encryption keys", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "encrypt_keys", "next_url" }, properties = {
                    @SchemaProperty(name = "encrypt_keys", type = SchemaType.ARRAY, implementation = EncryptKeyView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "encrypt_keys", value = ApiExamples.ENCRYPT_KEYS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys.json")
    public EncryptKeyPage list(
            @Parameter(description = "Part of the key name, any case (the reference's spelling)") @QueryParam("search_text") String searchText,
            @Parameter(description = "The same as search_text") @QueryParam("search_term") String searchTerm,
            @Parameter(description = "Only keys of this tenant") @QueryParam("tenant_id") String tenantId,
            @Parameter(hidden = true) @HeaderParam(KeySecret.HEADER) String secret, @Context UriInfo uri) {
        // a user reaching crypto-service with their secret gets a personal key, so that keys can be granted to them
        personalKeys.ensure(caller.userId(), secret);
        return EncryptKeyPage.of(keys.search(searchText != null ? searchText : searchTerm,
                ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .map(EncryptKeyView::of));
    }

    @Operation(operationId = "create_encrypt_key", summary = "Generate or import an encryption key", description = "add_type generate (key_length 1024, 2048 or 4096; key_lenght, as the reference spells it, is read too) or import (public_key, optional private_key and private_key_password); protection_mode user (the default) or app.")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "generate", value = ApiExamples.ENCRYPT_KEY_GENERATE),
            @ExampleObject(name = "import", value = ApiExamples.ENCRYPT_KEY_IMPORT) }))
    @PermissionsAllowed("encrypt_keys:add")
    @POST
    @Path("encrypt_keys.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(EncryptKeyInput.Document body,
            @Parameter(hidden = true) @HeaderParam(KeySecret.HEADER) String secret) {
        EncryptKey key = keys.create(body == null ? null : body.encryptKey(), secret);
        return ApiResponses.created(location(key.id));
    }

    @Operation(operationId = "view_encrypt_key", summary = "View an encryption key")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EncryptKeyView.Document.class), examples = @ExampleObject(name = "encrypt_key", value = ApiExamples.ENCRYPT_KEY)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("encrypt_keys:view")
    @GET
    @Path("encrypt_keys/{keyId}.json")
    public EncryptKeyView.Document view(@PathParam("keyId") String keyId) {
        return new EncryptKeyView.Document(EncryptKeyView.of(keys.find(KeyIds.parse(keyId))
                .orElseThrow(() -> ApiException.notFound("Encrypt key"))));
    }

    @Operation(operationId = "update_encrypt_key", summary = "Rename, activate or deactivate an encryption key")
    @APIResponse(responseCode = "200", description = "The key after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EncryptKeyView.Document.class), examples = @ExampleObject(name = "encrypt_key", value = ApiExamples.ENCRYPT_KEY)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "encrypt_key", value = ApiExamples.ENCRYPT_KEY_UPDATE)))
    @PermissionsAllowed("encrypt_keys:edit")
    @PUT
    @Path("encrypt_keys/{keyId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public EncryptKeyView.Document update(@PathParam("keyId") String keyId, EncryptKeyInput.Update.Document body) {
        return new EncryptKeyView.Document(
                EncryptKeyView.of(keys.update(KeyIds.parse(keyId), body == null ? null : body.encryptKey())));
    }

    @Operation(operationId = "delete_encrypt_key", summary = "Delete an encryption key")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("encrypt_keys:delete")
    @DELETE
    @Path("encrypt_keys/{keyId}.json")
    public Response delete(@PathParam("keyId") String keyId) {
        keys.delete(KeyIds.parse(keyId));
        return Response.ok().build();
    }

    static String location(UUID id) {
        return "/api/v2/encrypt_keys/" + id + ".json";
    }
}
