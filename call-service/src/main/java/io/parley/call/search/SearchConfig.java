package io.parley.call.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the calls search. */
@ConfigMapping(prefix = "parley.calls.search")
public interface SearchConfig {

    /**
     * How long one search may run in the database ({@code PARLEY_CALLS_SEARCH_STATEMENT_TIMEOUT}); a search that
     * takes longer is answered {@code 400 SearchTimeout}.
     */
    @WithDefault("5s")
    Duration statementTimeout();
}
