package io.parley.call.playback;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.call.storage.AudioConfig;

/**
 * Playback as meters (docs/reliability.md, "Metrics"): the audio bytes served, by the storage they are read from
 * ({@code parley.playback.bytes}), and the time from a playback's files being found to its first byte written
 * ({@code parley.playback.first.byte}): opening the storage, and the data keys of an encrypted file, included.
 */
@ApplicationScoped
class PlaybackMetrics {

    private final Counter bytes;
    private final Timer firstByte;

    PlaybackMetrics(MeterRegistry registry, AudioConfig config) {
        this.bytes = Counter.builder("parley.playback.bytes")
                .description("Audio bytes served by playback, by the storage they are read from")
                .baseUnit("bytes")
                .tag("storage", config.storage().name().toLowerCase(Locale.ROOT))
                .register(registry);
        this.firstByte = Timer.builder("parley.playback.first.byte")
                .description("Time from a playback's files being found to the first byte of audio written")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The first byte of a playback that started at {@code startNanos} ({@link System#nanoTime()}) is written. */
    void firstByteSince(long startNanos) {
        firstByte.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void served(int count) {
        bytes.increment(count);
    }
}
