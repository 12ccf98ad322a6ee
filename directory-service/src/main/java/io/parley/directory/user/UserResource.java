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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.common.api.ApiIds;
import io.parley.common.api.ApiResponses;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.metrics.SearchLatency;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.ApiExamples;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.7 (but 3.7.7 muting, served by call-service): list, search, create, view, update, delete users. */
@Tag(name = "Users", description = "Reference 3.7")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
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

    @Operation(operationId = "list_users", summary = "List and search users")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of users", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "users", "next_url" }, properties = {
                    @SchemaProperty(name = "users", type = SchemaType.ARRAY, implementation = UserView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "users", value = ApiExamples.USERS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("users:view")
    @GET
    @Path("users.json")
    public UserPage list(
            @Parameter(description = "Part of the name, group name, tenant name, login, role or extension, any case") @QueryParam("search_term") String searchTerm,
            @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
            @Parameter(description = "The login, exactly") @QueryParam("login") String login,
            @Parameter(description = "An extension of the user") @QueryParam("extension") String extension,
            @Parameter(description = "Only users of this group") @QueryParam("group_id") String groupId,
            @Parameter(description = "Only users of this tenant") @QueryParam("tenant_id") String tenantId,
            @Context UriInfo uri) {
        return searches.record(() -> {
            UserSearch.Criteria criteria = new UserSearch.Criteria(searchTerm, name, login, extension,
                    ApiIds.queryParameter("group_id", groupId), ApiIds.queryParameter("tenant_id", tenantId));
            Page<User> page = users.search(search.source(criteria, Access.of(caller).users()), PageRequest.from(uri), uri);
            List<UUID> ids = page.items().stream().map(user -> user.id).toList();
            Map<UUID, List<String>> extensions = links.extensionsOf(ids);
            Map<UUID, List<UUID>> managed = links.managedGroupsOf(ids);
            return UserPage.of(page.map(user -> UserView.of(user, extensions.getOrDefault(user.id, List.of()),
                    managed.getOrDefault(user.id, List.of()))));
        });
    }

    @Operation(operationId = "create_user", summary = "Create a user")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user", value = ApiExamples.USER_CREATE)))
    @PermissionsAllowed("users:add")
    @POST
    @Path("users.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserInput.Document body) {
        UserView user = users.create(Access.of(caller), body == null ? null : body.user());
        return ApiResponses.created("/api/v2/users/" + user.userId() + ".json");
    }

    @Operation(operationId = "view_user", summary = "View a user")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.Document.class), examples = @ExampleObject(name = "user", value = ApiExamples.USER)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("users:view")
    @GET
    @Path("users/{userId}.json")
    public UserView.Document view(@PathParam("userId") String userId) {
        return ApiIds.parse(userId).flatMap(id -> users.find(Access.of(caller), id)).map(UserView.Document::new)
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    @Operation(operationId = "update_user", summary = "Change the user's fields given")
    @APIResponse(responseCode = "200", description = "The user after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.Document.class), examples = @ExampleObject(name = "user", value = ApiExamples.USER)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user", value = ApiExamples.USER_UPDATE)))
    @PermissionsAllowed("users:edit")
    @PUT
    @Path("users/{userId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView.Document update(@PathParam("userId") String userId, UserInput.Document body) {
        return ApiIds.parse(userId).flatMap(id -> users.update(Access.of(caller), id, body == null ? null : body.user()))
                .map(UserView.Document::new)
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    @Operation(operationId = "delete_user", summary = "Delete a user")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("users:delete")
    @DELETE
    @Path("users/{userId}.json")
    public Response delete(@PathParam("userId") String userId) {
        ApiIds.parse(userId).flatMap(id -> users.delete(Access.of(caller), id))
                .orElseThrow(() -> ApiException.notFound("User"));
        return Response.ok().build();
    }
}
