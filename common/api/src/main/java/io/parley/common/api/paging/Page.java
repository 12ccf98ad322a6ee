package io.parley.common.api.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a collection, built the way reference 2.3.1 and the API digest describe: {@code limit+1} rows are
 * fetched to learn whether another page follows; {@code next_url} repeats the request with the next {@code start};
 * {@code total} is exact on the last page and, with {@code max_total_calc=N}, counted up to {@code start+N} on any.
 */
public record Page<T>(List<T> items, String nextUrl, Long total) {

    public static <T> Page<T> of(PageRequest request, PageSource<T> source, UriInfo uri) {
        List<T> rows = source.fetch(request.start(), request.limit() + 1);
        boolean more = rows.size() > request.limit();
        List<T> items = more ? List.copyOf(rows.subList(0, request.limit())) : List.copyOf(rows);
        String nextUrl = more ? nextUrl(uri, request.start() + request.limit()) : null;
        Long total;
        if (!more && (!items.isEmpty() || request.start() == 0)) {
            total = (long) request.start() + items.size();
        } else if (!more) {
            total = source.countUpTo(request.start());
        } else if (request.maxTotalCalc().isPresent()) {
            total = source.countUpTo((long) request.start() + request.maxTotalCalc().getAsInt());
        } else {
            total = null;
        }
        return new Page<>(items, nextUrl, total);
    }

    /** The same page with each item mapped, e.g. an entity to its view. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextUrl, total);
    }

    /** The same path and query with {@code start} moved on; every other parameter is kept as sent. */
    static String nextUrl(UriInfo uri, long nextStart) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        List<String> parameters = new ArrayList<>();
        boolean replaced = false;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String parameter : rawQuery.split("&")) {
                if (parameter.equals("start") || parameter.startsWith("start=")) {
                    if (!replaced) {
                        parameters.add("start=" + nextStart);
                        replaced = true;
                    }
                } else if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        if (!replaced) {
            parameters.add("start=" + nextStart);
        }
        return uri.getRequestUri().getRawPath() + "?" + String.join("&", parameters);
    }
}
