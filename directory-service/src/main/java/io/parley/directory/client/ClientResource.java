package io.parley.directory.client;

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

/** Reference 3.2: list, create, view, update and delete clients. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;
    private final Caller caller;

    ClientResource(ClientService clients, Caller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    @PermissionsAllowed("clients:view")
    @GET
    @Path("clients.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm,
            @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return clients
                .search(Access.of(caller), ApiIds.queryParameter("tenant_id", tenantId), searchTerm, PageRequest.from(uri), uri)
                .envelope("clients", ClientView::of);
    }

    @PermissionsAllowed("clients:add")
    @POST
    @Path("clients.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ClientInput.Document body) {
        Client client = clients.create(Access.of(caller), body == null ? null : body.client());
        return ApiResponses.created(location(client.id));
    }

    @PermissionsAllowed("clients:view")
    @GET
    @Path("clients/{clientId}.json")
    public ClientView.Document view(@PathParam("clientId") String clientId) {
        return ApiIds.parse(clientId)
                .flatMap(id -> clients.find(Access.of(caller), id))
                .map(ClientResource::document)
                .orElseThrow(() -> ApiException.notFound("Client"));
    }

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
