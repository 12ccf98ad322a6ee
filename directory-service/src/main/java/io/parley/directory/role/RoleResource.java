package io.parley.directory.role;

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

/** Reference 3.5: list, create, view, update and delete roles. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final RoleService roles;
    private final Caller caller;

    RoleResource(RoleService roles, Caller caller) {
        this.roles = roles;
        this.caller = caller;
    }

    @PermissionsAllowed("roles:view")
    @GET
    @Path("roles.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm,
            @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return roles
                .search(Access.of(caller), searchTerm, ApiIds.queryParameter("tenant_id", tenantId), PageRequest.from(uri), uri)
                .envelope("roles", RoleView::of);
    }

    @PermissionsAllowed("roles:add")
    @POST
    @Path("roles.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RoleInput.Document body) {
        Role role = roles.create(Access.of(caller), body == null ? null : body.role());
        return ApiResponses.created(location(role.id));
    }

    @PermissionsAllowed("roles:view")
    @GET
    @Path("roles/{roleId}.json")
    public RoleView.Document view(@PathParam("roleId") String roleId) {
        return ApiIds.parse(roleId)
                .flatMap(id -> roles.find(Access.of(caller), id))
                .map(role -> new RoleView.Document(RoleView.of(role)))
                .orElseThrow(() -> ApiException.notFound("Role"));
    }

    @PermissionsAllowed("roles:edit")
    @PUT
    @Path("roles/{roleId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoleView.Document update(@PathParam("roleId") String roleId, RoleInput.Document body) {
        Role role = roles.update(Access.of(caller), id(roleId), body == null ? null : body.role());
        return new RoleView.Document(RoleView.of(role));
    }

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
