package io.parley.call.call;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.api.paging.Page;
import io.parley.common.events.call.Call;

/**
 * A page of calls as the API answers a search: {@code {"calls": [...], "next_url": ..., "total": ...}};
 * {@code total} is left out where it is not known.
 */
public record CallPage(List<Call> calls, String nextUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    /** The page's calls, in its order, read from {@code calls}. */
    static CallPage of(Page<UUID> page, Map<UUID, Call> calls) {
        return new CallPage(page.items().stream().map(calls::get).toList(), page.nextUrl(), page.total());
    }
}
