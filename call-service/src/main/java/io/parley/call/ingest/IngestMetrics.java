package io.parley.call.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.common.events.recording.RecordingEvent.Type;

/**
 * Ingest as meters (docs/reliability.md, "Metrics"): recorder events applied or set aside, by type
 * ({@code parley.ingest.events}), and the time a poll's batch takes from its records to its commit
 * ({@code parley.ingest.batch}). Every meter is registered once, so that counting an event on the hot path is an
 * array read and an add.
 */
@ApplicationScoped
class IngestMetrics {

    /** The {@code type} of a record that is not a recorder event, or whose type cannot be read. */
    static final String UNKNOWN_TYPE = "unknown";

    private final Map<Type, Counter> applied = new EnumMap<>(Type.class);
    private final Map<Type, Counter> deadLettered = new EnumMap<>(Type.class);
    private final Counter unreadable;
    private final Timer batch;

    IngestMetrics(MeterRegistry registry) {
        for (Type type : Type.values()) {
            applied.put(type, events(registry, type.wireName(), "applied"));
            deadLettered.put(type, events(registry, type.wireName(), "dead_lettered"));
        }
        this.unreadable = events(registry, UNKNOWN_TYPE, "dead_lettered");
        this.batch = Timer.builder("parley.ingest.batch")
                .description("Time to apply one poll's batch of recorder events, dead letters included")
                .publishPercentileHistogram()
                .register(registry);
    }

    void applied(RecorderEvent event) {
        applied.get(event.type()).increment();
    }

    void deadLettered(RecorderEvent event) {
        deadLettered.get(event.type()).increment();
    }

    /** A record set aside before it could be read as an event. */
    void unreadable() {
        unreadable.increment();
    }

    /** Records a batch that started at {@code startNanos} ({@link System#nanoTime()}). */
    void batchSince(long startNanos) {
        batch.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static Counter events(MeterRegistry registry, String type, String outcome) {
        return Counter.builder("parley.ingest.events")
                .description("Recorder events consumed from recording.events, by type and outcome")
                .tag("type", type).tag("outcome", outcome)
                .register(registry);
    }
}
