package io.parley.call.call;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.call.access.CallScope;
import io.parley.call.search.CallSearch;
import io.parley.call.search.CallerSearches;
import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.metrics.SearchLatency;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/** Reference 3.1.4-3.1.6: search calls, view one, delete one (docs/calls.md); each caller's searches are bounded. */
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

    @PermissionsAllowed({ "calls:view", "calls_own:view" })
    @GET
    @Path("calls.json")
    public Map<String, Object> list(@Context UriInfo uri) {
        CallSearch search = CallSearch.of(uri.getQueryParameters(), timezone());
        PageRequest page = PageRequest.from(uri);
        try (CallerSearches.Running running = searches.start(caller.userId())) {
            return (search.advanced() ? advancedSearches : simpleSearches)
                    .record(() -> calls.search(CallScope.of(caller, CallScope.VIEW), search, page, uri));
        }
    }

    @PermissionsAllowed({ "calls:view", "calls_own:view" })
    @GET
    @Path("calls/{callId}.json")
    public Map<String, Object> view(@PathParam("callId") String callId) {
        return ApiIds.parse(callId).flatMap(id -> calls.find(CallScope.of(caller, CallScope.VIEW), id))
                .map(call -> Map.<String, Object> of("call", call))
                .orElseThrow(() -> ApiException.notFound("Call"));
    }

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
