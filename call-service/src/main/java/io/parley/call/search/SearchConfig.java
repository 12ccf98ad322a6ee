package io.parley.call.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the calls search, in each instance. */
@ConfigMapping(prefix = "parley.calls.search")
public interface SearchConfig {

    /** The datasource of searches, whose pool no other work shares (application.properties). */
    String DATASOURCE = "search";

    /**
     * How long one search may run in the database, all its statements together
     * ({@code PARLEY_CALLS_SEARCH_STATEMENT_TIMEOUT}); a search that takes longer is answered {@code 400 SearchTimeout}.
     */
    @WithDefault("5s")
    Duration statementTimeout();

    /**
     * How many searches one caller may have running at once in one instance ({@code PARLEY_CALLS_SEARCH_PER_CALLER});
     * one more is answered {@code 429}.
     */
    @WithDefault("2")
    int perCaller();

    /**
     * The connections of searches, which no other work uses: the most searches one instance runs at once
     * ({@code PARLEY_CALLS_SEARCH_CONNECTIONS}, the pool of {@link #DATASOURCE} in application.properties).
     */
    @WithDefault("8")
    int connections();

    /**
     * How long a search waits for one of {@link #connections()} when all are taken
     * ({@code PARLEY_CALLS_SEARCH_CONNECTION_WAIT}); then it is answered {@code 503} with {@code Retry-After}.
     */
    @WithDefault("2s")
    Duration connectionWait();
}
