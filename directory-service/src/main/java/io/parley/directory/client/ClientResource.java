package io.parley.directory.client;

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

/** Reference 3.2: list, create, view, update and delete clients. */
@Tag(name = "Clients", description = "Reference 3.2")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;
    private final Caller caller;

    ClientResource(ClientService clients, Caller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    @Operation(operationId = "list_clients", summary = "List and search clients")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of clients", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "clients", "next_url" }, properties = {
                    @SchemaProperty(name = "clients", type = SchemaType.ARRAY, implementation = ClientView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "clients", value = ApiExamples.CLIENTS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("clients:view")
    @GET
    @Path("clients.json")
    public ClientPage list(
            @Parameter(description = "Part of the client name, a contact name or phone, or the tenant name, any case") @QueryParam("search_term") String searchTerm,
            @Parameter(description = "Only clients of this tenant") @QueryParam("tenant_id") String tenantId,
            @Context UriInfo uri) {
        return ClientPage.of(clients
                .search(Access.of(caller), ApiIds.queryParameter("tenant_id", tenantId), searchTerm, PageRequest.from(uri), uri)
                .map(ClientView::of));
    }

    @Operation(operationId = "create_client", summary = "Create a client")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT_CREATE)))
    @PermissionsAllowed("clients:add")
    @POST
    @Path("clients.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ClientInput.Document body) {
        Client client = clients.create(Access.of(caller), body == null ? null : body.client());
        return ApiResponses.created(location(client.id));
    }

    @Operation(operationId = "view_client", summary = "View a client")
    @APIResponse(responseCode = "200", description = "The client", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.Document.class), examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("clients:view")
    @GET
    @Path("clients/{clientId}.json")
    public ClientView.Document view(@PathParam("clientId") String clientId) {
        return ApiIds.parse(clientId)
                .flatMap(id -> clients.find(Access.of(caller), id))
                .map(ClientResource::document)
                .orElseThrow(() -> ApiException.notFound("Client"));
    }

    @Operation(operationId = "update_client", summary = "Change the client's fields given")
    @APIResponse(responseCode = "200", description = "The client after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.Document.class), examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT_UPDATE)))
    @PermissionsAllowed("clients:edit")
    @PUT
    @Path("clients/{clientId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientView.Document update(@PathParam("clientId") String clientId, ClientInput.Document body) {
        return ApiIds.parse(clientId)
                .flatMap(id -> clients.update(Access.of(caller), id, body == null ? null : body.client()))
                .map(ClientResource::document)
                .orElseThrow(() -> ApiException.notFound("Client"));
    }

    @Operation(operationId = "delete_client", summary = "Delete a client")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("clients:delete")
    @DELETE
    @Path("clients/{clientId}.json")
    public Response delete(@PathParam("clientId") String clientId) {
        ApiIds.parse(clientId)
                .flatMap(id -> clients.delete(Access.of(caller), id))
                .orElseThrow(() -> ApiException.notFound("Client"));
        return Response.ok().build();
    }

    private static ClientView.Document document(Client client) {
        return new ClientView.Document(ClientView.of(client));
    }

    static String location(UUID id) {
        return "/api/v2/clients/" + id + ".json";
    }
}
