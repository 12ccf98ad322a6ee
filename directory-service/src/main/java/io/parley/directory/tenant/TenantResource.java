package io.parley.directory.tenant;

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
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.6: list, search, create, view, update and delete tenants. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final TenantService tenants;
    private final Caller caller;
    private final Timer searches;

    TenantResource(TenantService tenants, Caller caller, MeterRegistry registry) {
        this.tenants = tenants;
        this.caller = caller;
        this.searches = SearchLatency.of(registry, "tenants");
    }

    @PermissionsAllowed("tenants:view")
    @GET
    @Path("tenants.json")
    public Map<String, Object> list(@QueryParam("search_term") String searchTerm, @Context UriInfo uri) {
        return searches.record(() -> tenants.search(Access.of(caller), searchTerm, PageRequest.from(uri), uri)
                .envelope("tenants", TenantView::of));
    }

    @PermissionsAllowed("tenants:add")
    @POST
    @Path("tenants.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantInput.Document body) {
        Tenant tenant = tenants.create(Access.of(caller), body == null ? null : body.tenant());
        return ApiResponses.created(location(tenant.id));
    }

    @PermissionsAllowed("tenants:view")
    @GET
    @Path("tenants/{tenantId}.json")
    public TenantView.Document view(@PathParam("tenantId") String tenantId) {
        return ApiIds.parse(tenantId)
                .flatMap(id -> tenants.find(Access.of(caller), id))
                .map(tenant -> new TenantView.Document(TenantView.of(tenant)))
                .orElseThrow(() -> ApiException.notFound("Tenant"));
    }

    @PermissionsAllowed("tenants:edit")
    @PUT
    @Path("tenants/{tenantId}.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantView.Document update(@PathParam("tenantId") String tenantId, TenantInput.Document body) {
        return ApiIds.parse(tenantId)
                .flatMap(id -> tenants.update(Access.of(caller), id, body == null ? null : body.tenant()))
                .map(tenant -> new TenantView.Document(TenantView.of(tenant)))
                .orElseThrow(() -> ApiException.notFound("Tenant"));
    }

    /** Also served as {@code /tenant/{id}.json}, the path the reference's section 3.6.5 writes. */
    @PermissionsAllowed("tenants:delete")
    @DELETE
    @Path("{path: tenants|tenant}/{tenantId}.json")
    public Response delete(@PathParam("tenantId") String tenantId) {
        ApiIds.parse(tenantId).flatMap(id -> tenants.delete(Access.of(caller), id))
                .orElseThrow(() -> ApiException.notFound("Tenant"));
        return Response.ok().build();
    }

    static String location(UUID id) {
        return "/api/v2/tenants/" + id + ".json";
    }
}
