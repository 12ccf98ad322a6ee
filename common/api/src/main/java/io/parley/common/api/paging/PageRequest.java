package io.parley.common.api.paging;

import java.util.OptionalInt;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiException;

/**
 * The paging parameters of a list request (reference 2.3.1): {@code start} (offset, default 0), {@code limit}
 * (default 20, served as 1000 above that) and {@code max_total_calc} (count matching rows up to start+N, N capped
 * at 1000).
 */
public record PageRequest(int start, int limit, OptionalInt maxTotalCalc) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_TOTAL_CALC = 1000;

    public static PageRequest from(UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        int start = nonNegative(query, "start").orElse(0);
        int limit = nonNegative(query, "limit").orElse(DEFAULT_LIMIT);
        if (limit == 0) {
            throw ApiException.invalidParameter("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        OptionalInt maxTotalCalc = nonNegative(query, "max_total_calc");
        return new PageRequest(start, Math.min(limit, MAX_LIMIT),
                maxTotalCalc.isPresent() ? OptionalInt.of(Math.min(maxTotalCalc.getAsInt(), MAX_TOTAL_CALC))
                        : OptionalInt.empty());
    }

    private static OptionalInt nonNegative(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value == null || value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return OptionalInt.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidParameter(name, name + " must be a non-negative integer");
    }
}
