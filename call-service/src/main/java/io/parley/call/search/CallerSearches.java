package io.parley.call.search;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.api.error.ApiException;

/**
 * The searches each caller has running in this instance, at most {@link SearchConfig#perCaller()}. One more is refused
 * at once with {@code 429} and {@code Retry-After} the search time limit, within which a running search ends. Refused
 * rather than queued: a queued request would hold a worker thread and a connection of the gateway as long, for a
 * client that sent several searches at once and can as well send this one again.
 */
@ApplicationScoped
public class CallerSearches {

    /** A search counted as running until closed. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Searches by caller; a caller with none has no entry. */
    private final ConcurrentHashMap<UUID, Integer> running = new ConcurrentHashMap<>();
    private final SearchConfig config;

    CallerSearches(SearchConfig config) {
        this.config = config;
    }

    /** @throws ApiException 429 when the caller has as many searches running as it may */
    public Running start(UUID caller) {
        // counted first and taken back when over: two at once never both pass the last free place
        if (running.merge(caller, 1, Integer::sum) > config.perCaller()) {
            finish(caller);
            throw ApiException.tooManyRequests("At most " + config.perCaller() + " searches of one user run at"
                    + " once: send this one again when one of them has finished", config.statementTimeout());
        }
        return () -> finish(caller);
    }

    private void finish(UUID caller) {
        running.computeIfPresent(caller, (key, count) -> count == 1 ? null : count - 1);
    }
}
