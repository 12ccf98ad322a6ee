package io.parley.call.call;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.call.ApiExamples;
import io.parley.call.access.CallScope;
import io.parley.call.search.CallSearch;
import io.parley.call.search.CallerSearches;
import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.metrics.SearchLatency;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.events.call.CallDocument;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.1.4-3.1.6: search calls, view one, delete one (docs/calls.md); each caller's searches are bounded. */
@Tag(name = "Calls", description = "Reference 3.1")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    private final CallService calls;
    private final CallerSearches searches;
    private final Caller caller;
    private final Timer simpleSearches;
    private final Timer advancedSearches;

    CallResource(CallService calls, CallerSearches searches, Caller caller, MeterRegistry registry) {
        this.calls = calls;
        this.searches = searches;
        this.caller = caller;
        this.simpleSearches = SearchLatency.of(registry, "calls_simple");
        this.advancedSearches = SearchLatency.of(registry, "calls_advanced");
    }

    @Operation(operationId = "list_calls", summary = "Search calls", description = "The basic search by default; with advanced_search=1, PARAM__OPERATOR=VALUE conditions (reference 3.1.4, Tables 1 and 2), combined with AND. Only the calls the caller's role lets it see.")
    @Parameter(name = "daterange", in = ParameterIn.QUERY, description = "Days in the caller's timezone: YYYY/MM/DD, or YYYY/MM/DD-YYYY/MM/DD with the last day included", schema = @Schema(type = SchemaType.STRING), example = "2014/06/01-2014/06/30")
    @Parameter(name = "user_id", in = ParameterIn.QUERY, description = "Calls with this user among the participants", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(name = "user_login", in = ParameterIn.QUERY, description = "Calls with the user of this login among the participants", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "group_id", in = ParameterIn.QUERY, description = "Calls of this group", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(name = "tenant_id", in = ParameterIn.QUERY, description = "Calls of this tenant", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(name = "search_term", in = ParameterIn.QUERY, description = "Part of a phone number or phone name", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "category_id", in = ParameterIn.QUERY, description = "Calls of this category", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(name = "broadworks_user_id", in = ParameterIn.QUERY, description = "Calls of this BroadWorks user", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "broadworks_group_id", in = ParameterIn.QUERY, description = "Calls of this BroadWorks group", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "active_only", in = ParameterIn.QUERY, description = "1: only calls that have not ended", schema = @Schema(type = SchemaType.STRING, enumeration = {
            "0", "1" }))
    @Parameter(name = "advanced_search", in = ParameterIn.QUERY, description = "1: the other parameters are advanced search conditions", schema = @Schema(type = SchemaType.STRING, enumeration = {
            "0", "1" }))
    @Parameter(name = "sort_order", in = ParameterIn.QUERY, description = "By setup_time", schema = @Schema(type = SchemaType.STRING, enumeration = {
            "asc", "desc" }, defaultValue = "desc"))
    @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, ref = ApiDocument.LIMIT)
    @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, ref = ApiDocument.START)
    @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, ref = ApiDocument.MAX_TOTAL_CALC)
    @APIResponse(responseCode = "200", description = "A page of calls", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CallPage"), examples = @ExampleObject(name = "calls", value = ApiExamples.CALLS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "429", description = "Too many searches of this user at once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @PermissionsAllowed({ "calls:view", "calls_own:view" })
    @GET
    @Path("calls.json")
    public CallPage list(@Context UriInfo uri) {
        CallSearch search = CallSearch.of(uri.getQueryParameters(), timezone());
        PageRequest page = PageRequest.from(uri);
        try (CallerSearches.Running running = searches.start(caller.userId())) {
            return (search.advanced() ? advancedSearches : simpleSearches)
                    .record(() -> calls.search(CallScope.of(caller, CallScope.VIEW), search, page, uri));
        }
    }

    @Operation(operationId = "view_call", summary = "View a call, with its participants and files")
    @APIResponse(responseCode = "200", description = "The call", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "call", properties = @SchemaProperty(name = "call", ref = "Call")), examples = @ExampleObject(name = "call", value = ApiExamples.CALL)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed({ "calls:view", "calls_own:view" })
    @GET
    @Path("calls/{callId}.json")
    public CallDocument view(@PathParam("callId") String callId) {
        return ApiIds.parse(callId).flatMap(id -> calls.find(CallScope.of(caller, CallScope.VIEW), id))
                .map(CallDocument::new)
                .orElseThrow(() -> ApiException.notFound("Call"));
    }

    @Operation(operationId = "delete_call", summary = "Delete a call's metadata and audio")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @PermissionsAllowed({ "calls:delete", "calls_own:delete" })
    @DELETE
    @Path("calls/{callId}.json")
    public Response delete(@PathParam("callId") String callId) {
        if (!ApiIds.parse(callId).map(id -> calls.delete(CallScope.of(caller, CallScope.DELETE), id)).orElse(false)) {
            throw ApiException.notFound("Call");
        }
        return Response.ok().build();
    }

    /** Where the caller's days begin and end, for {@code daterange} and dates. */
    private ZoneId timezone() {
        return caller.timezone().orElse(ZoneOffset.UTC);
    }
}
