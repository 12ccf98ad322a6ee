package io.parley.common.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The time searches take, by kind ({@code parley.search}, docs/reliability.md "Metrics"): one timer per kind, with
 * histogram buckets so that a dashboard can show the 95th percentile over every instance.
 */
public final class SearchLatency {

    private SearchLatency() {
    }

    /** The timer of one kind of search, e.g. {@code calls_simple}, {@code calls_advanced}, {@code users}. */
    public static Timer of(MeterRegistry registry, String kind) {
        return Timer.builder("parley.search")
                .description("Time to answer a search, from its parameters to its page")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(registry);
    }
}
