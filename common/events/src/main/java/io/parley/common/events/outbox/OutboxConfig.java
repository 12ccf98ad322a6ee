package io.parley.common.events.outbox;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes (docs/configuration.md). */
@ConfigMapping(prefix = "parley.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for events it could not publish right after their commit; also the first wait after
     * a failure, doubled with each further failure.
     */
    @WithDefault("2s")
    Duration pollInterval();

    /** How often parked events are offered to Kafka again. */
    @WithDefault("10m")
    Duration parkedRetryInterval();

    /** How often the outbox's gauges are counted again ({@link OutboxMetrics}): what a scrape shows is this old. */
    @WithDefault("15s")
    Duration metricsInterval();

    /**
     * The largest event the relay sends (the producer's {@code max.request.size}): Kafka's default, which a broker's
     * default {@code message.max.bytes} accepts. A topic's {@code max.message.bytes} must be at least this.
     */
    @WithDefault("1M")
    MemorySize maxRecordSize();
}
