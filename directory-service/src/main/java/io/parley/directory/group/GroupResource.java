package io.parley.directory.group;

import java.util.Map;
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

import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.4: list, create, view, update and delete groups. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;
    private final Caller caller;

    GroupResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @PermissionsAllowed("groups:view")
    @GET
    @Path("groups.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm,
            @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return groups
                .search(Access.of(caller), searchTerm, ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .envelope("groups", GroupView::of);
    }

    @PermissionsAllowed("groups:add")
    @POST
    @Path("groups.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GroupInput.Document body) {
        Group group = groups.create(Access.of(caller), body == null ? null : body.group());
        return ApiResponses.created(location(group.id));
    }

    @PermissionsAllowed("groups:view")
    @GET
    @Path("groups/{groupId}.json")
    public GroupView.Document view(@PathParam("groupId") String groupId) {
        return ApiIds.parse(groupId)
                .flatMap(id -> groups.find(Access.of(caller), id))
                .map(group -> new GroupView.Document(GroupView.of(group)))
                .orElseThrow(() -> ApiException.notFound("Group"));
    }

    @PermissionsAllowed("groups:edit")
    @PUT
    @Path("groups/{groupId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView.Document update(@PathParam("groupId") String groupId, GroupInput.Document body) {
        Group group = groups.update(Access.of(caller), id(groupId), body == null ? null : body.group());
        return new GroupView.Document(GroupView.of(group));
    }

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
