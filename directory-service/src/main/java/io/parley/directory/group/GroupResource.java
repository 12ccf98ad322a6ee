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

/** Reference 3.4: list, create, view, update and delete groups. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;

    GroupResource(GroupService groups) {
        this.groups = groups;
    }

    @GET
    @Path("groups.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm,
            @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return groups.search(searchTerm, ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .envelope("groups", GroupView::of);
    }

    @POST
    @Path("groups.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GroupInput.Document body) {
        Group group = groups.create(body == null ? null : body.group());
        return ApiResponses.created(location(group.id));
    }

    @GET
    @Path("groups/{groupId}.json")
    public GroupView.Document view(@PathParam("groupId") String groupId) {
        return ApiIds.parse(groupId)
                .flatMap(groups::find)
                .map(group -> new GroupView.Document(GroupView.of(group)))
                .orElseThrow(() -> ApiException.notFound("Group"));
    }

    @PUT
    @Path("groups/{groupId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView.Document update(@PathParam("groupId") String groupId, GroupInput.Document body) {
        Group group = groups.update(id(groupId), body == null ? null : body.group());
        return new GroupView.Document(GroupView.of(group));
    }

    @DELETE
    @Path("groups/{groupId}.json")
    public Response delete(@PathParam("groupId") String groupId) {
        groups.delete(id(groupId));
        return Response.ok().build();
    }

    private static UUID id(String groupId) {
        return ApiIds.parse(groupId).orElseThrow(() -> ApiException.notFound("Group"));
    }

    static String location(UUID id) {
        return "/api/v2/groups/" + id + ".json";
    }
}
