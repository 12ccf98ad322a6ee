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

/** Reference 3.2: list, create, view, update and delete clients. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;

    ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    @Path("clients.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm,
            @QueryParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return clients.search(ApiIds.queryParameter("tenant_id", tenantId), searchTerm, PageRequest.from(uri), uri)
                .envelope("clients", ClientView::of);
    }

    @POST
    @Path("clients.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ClientInput.Document body) {
        Client client = clients.create(body == null ? null : body.client());
        return ApiResponses.created(location(client.id));
    }

    @GET
    @Path("clients/{clientId}.json")
    public ClientView.Document view(@PathParam("clientId") String clientId) {
        return ApiIds.parse(clientId)
                .flatMap(clients::find)
                .map(ClientResource::document)
                .orElseThrow(() -> ApiException.notFound("Client"));
    }

    @PUT
    @Path("clients/{clientId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientView.Document update(@PathParam("clientId") String clientId, ClientInput.Document body) {
        return ApiIds.parse(clientId)
                .flatMap(id -> clients.update(id, body == null ? null : body.client()))
                .map(ClientResource::document)
                .orElseThrow(() -> ApiException.notFound("Client"));
    }

    @DELETE
    @Path("clients/{clientId}.json")
    public Response delete(@PathParam("clientId") String clientId) {
        ApiIds.parse(clientId)
                .flatMap(clients::delete)
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
