package io.parley.directory.role;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.ApiExamples;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.5: list, create, view, update and delete roles. */
@Tag(name = "Roles", description = "Reference 3.5")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final RoleService roles;
    private final Caller caller;

    RoleResource(RoleService roles, Caller caller) {
        this.roles = roles;
        this.caller = caller;
    }

    @Operation(operationId = "list_roles", summary = "List and search roles")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of roles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "roles", "next_url" }, properties = {
                    @SchemaProperty(name = "roles", type = SchemaType.ARRAY, implementation = RoleView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "roles", value = ApiExamples.ROLES)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("roles:view")
    @GET
    @Path("roles.json")
    public RolePage list(
            @Parameter(description = "Part of the role name, any case") @QueryParam("search_term") String searchTerm,
            @Parameter(description = "Only roles of this tenant") @QueryParam("tenant_id") String tenantId,
            @Context UriInfo uri) {
        return RolePage.of(roles
                .search(Access.of(caller), searchTerm, ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .map(RoleView::of));
    }

    @Operation(operationId = "create_role", summary = "Create a role")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "role", value = ApiExamples.ROLE_CREATE)))
    @PermissionsAllowed("roles:add")
    @POST
    @Path("roles.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RoleInput.Document body) {
        Role role = roles.create(Access.of(caller), body == null ? null : body.role());
        return ApiResponses.created(location(role.id));
    }

    @Operation(operationId = "view_role", summary = "View a role")
    @APIResponse(responseCode = "200", description = "The role", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleView.Document.class), examples = @ExampleObject(name = "role", value = ApiExamples.ROLE)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("roles:view")
    @GET
    @Path("roles/{roleId}.json")
    public RoleView.Document view(@PathParam("roleId") String roleId) {
        return ApiIds.parse(roleId)
                .flatMap(id -> roles.find(Access.of(caller), id))
                .map(role -> new RoleView.Document(RoleView.of(role)))
                .orElseThrow(() -> ApiException.notFound("Role"));
    }

    @Operation(operationId = "update_role", summary = "Change the role's fields given")
    @APIResponse(responseCode = "200", description = "The role after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleView.Document.class), examples = @ExampleObject(name = "role", value = ApiExamples.ROLE)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "role", value = ApiExamples.ROLE_UPDATE)))
    @PermissionsAllowed("roles:edit")
    @PUT
    @Path("roles/{roleId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoleView.Document update(@PathParam("roleId") String roleId, RoleInput.Document body) {
        Role role = roles.update(Access.of(caller), id(roleId), body == null ? null : body.role());
        return new RoleView.Document(RoleView.of(role));
    }

    @Operation(operationId = "delete_role", summary = "Delete a role")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @PermissionsAllowed("roles:delete")
    @DELETE
    @Path("roles/{roleId}.json")
    public Response delete(@PathParam("roleId") String roleId) {
        roles.delete(Access.of(caller), id(roleId));
        return Response.ok().build();
    }

    private static UUID id(String roleId) {
        return ApiIds.parse(roleId).orElseThrow(() -> ApiException.notFound("Role"));
    }

    static String location(UUID id) {
        return "/api/v2/roles/" + id + ".json";
    }
}
