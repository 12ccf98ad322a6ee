package io.parley.directory.tenant;

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
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.parley.directory.ApiExamples;
import io.parley.directory.access.Access;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.6: list, search, create, view, update and delete tenants. */
@Tag(name = "Tenants", description = "Reference 3.6")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
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

    @Operation(operationId = "list_tenants", summary = "List and search tenants")
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of tenants", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {
            "tenants", "next_url" }, properties = {
                    @SchemaProperty(name = "tenants", type = SchemaType.ARRAY, implementation = TenantView.class),
                    @SchemaProperty(name = "next_url", type = SchemaType.STRING, nullable = true, description = "The next page, or null on the last"),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER, description = "Every matching object: on the last page, or up to start + max_total_calc") }), examples = @ExampleObject(name = "tenants", value = ApiExamples.TENANTS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @PermissionsAllowed("tenants:view")
    @GET
    @Path("tenants.json")
    public TenantPage list(
            @Parameter(description = "Part of the tenant name, any case") @QueryParam("search_term") String searchTerm,
            @Context UriInfo uri) {
        return searches.record(() -> TenantPage.of(tenants.search(Access.of(caller), searchTerm, PageRequest.from(uri), uri)
                .map(TenantView::of)));
    }

    @Operation(operationId = "create_tenant", summary = "Create a tenant")
    @APIResponse(responseCode = "201", ref = ApiDocument.CREATED)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "tenant", value = ApiExamples.TENANT_CREATE)))
    @PermissionsAllowed("tenants:add")
    @POST
    @Path("tenants.json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantInput.Document body) {
        Tenant tenant = tenants.create(Access.of(caller), body == null ? null : body.tenant());
        return ApiResponses.created(location(tenant.id));
    }

    @Operation(operationId = "view_tenant", summary = "View a tenant")
    @APIResponse(responseCode = "200", description = "The tenant", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.Document.class), examples = @ExampleObject(name = "tenant", value = ApiExamples.TENANT)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed("tenants:view")
    @GET
    @Path("tenants/{tenantId}.json")
    public TenantView.Document view(@PathParam("tenantId") String tenantId) {
        return ApiIds.parse(tenantId)
                .flatMap(id -> tenants.find(Access.of(caller), id))
                .map(tenant -> new TenantView.Document(TenantView.of(tenant)))
                .orElseThrow(() -> ApiException.notFound("Tenant"));
    }

    @Operation(operationId = "update_tenant", summary = "Change the tenant's fields given")
    @APIResponse(responseCode = "200", description = "The tenant after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.Document.class), examples = @ExampleObject(name = "tenant", value = ApiExamples.TENANT)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "tenant", value = ApiExamples.TENANT_UPDATE)))
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
    @Operation(operationId = "delete_tenant", summary = "Delete a tenant")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
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
