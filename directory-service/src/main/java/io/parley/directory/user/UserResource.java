package io.parley.directory.user;

import java.util.List;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.metrics.SearchLatency;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.7 (but 3.7.7 muting, served by call-service): list, search, create, view, update, delete users. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final UserSearch search;
    private final UserLinks links;
    private final Caller caller;
    private final Timer searches;

    UserResource(UserService users, UserSearch search, UserLinks links, Caller caller, MeterRegistry registry) {
        this.users = users;
        this.search = search;
        this.links = links;
        this.caller = caller;
        this.searches = SearchLatency.of(registry, "users");
    }

    @PermissionsAllowed("users:view")
    @GET
    @Path("users.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm, @QueryParam("name") String name,
            @QueryParam("login") String login, @QueryParam("extension") String extension,
            @QueryParam("group_id") String groupId, @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return searches.record(() -> {
            UserSearch.Criteria criteria = new UserSearch.Criteria(searchTerm, name, login, extension,
                    ApiIds.queryParameter("group_id", groupId), ApiIds.queryParameter("tenant_id", tenantId));
            Page<User> page = users.search(search.source(criteria, Access.of(caller).users()), PageRequest.from(uri), uri);
            List<UUID> ids = page.items().stream().map(user -> user.id).toList();
            Map<UUID, List<String>> extensions = links.extensionsOf(ids);
            Map<UUID, List<UUID>> managed = links.managedGroupsOf(ids);
            return page.envelope("users", user -> UserView.of(user, extensions.getOrDefault(user.id, List.of()),
                    managed.getOrDefault(user.id, List.of())));
        });
    }

    @PermissionsAllowed("users:add")
    @POST
    @Path("users.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserInput.Document body) {
        UserView user = users.create(Access.of(caller), body == null ? null : body.user());
        return ApiResponses.created("/api/v2/users/" + user.userId() + ".json");
    }

    @PermissionsAllowed("users:view")
    @GET
    @Path("users/{userId}.json")
    public UserView.Document view(@PathParam("userId") String userId) {
        return ApiIds.parse(userId).flatMap(id -> users.find(Access.of(caller), id)).map(UserView.Document::new)
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    @PermissionsAllowed("users:edit")
    @PUT
    @Path("users/{userId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView.Document update(@PathParam("userId") String userId, UserInput.Document body) {
        return ApiIds.parse(userId).flatMap(id -> users.update(Access.of(caller), id, body == null ? null : body.user()))
                .map(UserView.Document::new)
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    @PermissionsAllowed("users:delete")
    @DELETE
    @Path("users/{userId}.json")
    public Response delete(@PathParam("userId") String userId) {
        ApiIds.parse(userId).flatMap(id -> users.delete(Access.of(caller), id))
                .orElseThrow(() -> ApiException.notFound("User"));
        return Response.ok().build();
    }
}
