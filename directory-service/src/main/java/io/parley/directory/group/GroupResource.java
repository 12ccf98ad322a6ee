package io.parley.directory.group;

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

/** Reference 3.4: list, create, view, update and delete groups. */
@Tag(name = "Groups", description = "Reference 3.4")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;
    private final Caller caller;

    GroupResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @Operation(operationId = "list_groups", summary = "List and search groups")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of groups", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "groups", "next_url" }, properties = {
                    @SchemaProperty(name = "groups", type = SchemaType.ARRAY, implementation = GroupView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "groups", value = ApiExamples.GROUPS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("groups:view")
    @GET
    @Path("groups.json")
    public GroupPage list(
            @Parameter(description = "Part of the group name, any case") @QueryParam("search_term") String searchTerm,
            @Parameter(description = "Only groups of this tenant") @QueryParam("tenant_id") String tenantId,
            @Context UriInfo uri) {
        return GroupPage.of(groups
                .search(Access.of(caller), searchTerm, ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .map(GroupView::of));
    }

    @Operation(operationId = "create_group", summary = "Create a group")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "group", value = ApiExamples.GROUP_CREATE)))
    @PermissionsAllowed("groups:add")
    @POST
    @Path("groups.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GroupInput.Document body) {
        Group group = groups.create(Access.of(caller), body == null ? null : body.group());
        return ApiResponses.created(location(group.id));
    }

    @Operation(operationId = "view_group", summary = "View a group")
    @APIResponse(responseCode = "200", description = "The group", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.Document.class), examples = @ExampleObject(name = "group", value = ApiExamples.GROUP)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("groups:view")
    @GET
    @Path("groups/{groupId}.json")
    public GroupView.Document view(@PathParam("groupId") String groupId) {
        return ApiIds.parse(groupId)
                .flatMap(id -> groups.find(Access.of(caller), id))
                .map(group -> new GroupView.Document(GroupView.of(group)))
                .orElseThrow(() -> ApiException.notFound("Group"));
    }

    @Operation(operationId = "update_group", summary = "Change the group's fields given")
    @APIResponse(responseCode = "200", description = "The group after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupView.Document.class), examples = @ExampleObject(name = "group", value = ApiExamples.GROUP)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "group", value = ApiExamples.GROUP_UPDATE)))
    @PermissionsAllowed("groups:edit")
    @PUT
    @Path("groups/{groupId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView.Document update(@PathParam("groupId") String groupId, GroupInput.Document body) {
        Group group = groups.update(Access.of(caller), id(groupId), body == null ? null : body.group());
        return new GroupView.Document(GroupView.of(group));
    }

    @Operation(operationId = "delete_group", summary = "Delete a group")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @PermissionsAllowed("groups:delete")
    @DELETE
    @Path("groups/{groupId}.json")
    public Response delete(@PathParam("groupId") String groupId) {
        groups.delete(Access.of(caller), id(groupId));
        return Response.ok().build();
    }

    private static UUID id(String groupId) {
        return ApiIds.parse(groupId).orElseThrow(() -> ApiException.notFound("Group"));
    }

    static String location(UUID id) {
        return "/api/v2/groups/" + id + ".json";
    }
}
