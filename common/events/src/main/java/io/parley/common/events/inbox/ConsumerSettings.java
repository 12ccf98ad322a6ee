package io.parley.common.events.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Parley's consumers wait out failures ({@link RetryInPlace}); docs/events.md, "When a record fails". */
@ConfigMapping(prefix = "parley.events.consumers")
public interface ConsumerSettings {

    /** The wait before a record is tried again the first time; each later wait doubles, up to the next setting. */
    @WithDefault("100ms")
    Duration retryDelay();

    /** The longest wait between two attempts at a record while the database or the broker is unavailable. */
    @WithDefault("30s")
    Duration maxRetryDelay();

    /**
     * Attempts at a record that keeps meeting contention (deadlocks, lock timeouts) before it is suspected: set aside
     * if the database otherwise answers, so that no record waits forever behind a lock.
     */
    @WithDefault("10")
    int contendedAttempts();

    /** How long applying a record waits for a row or table lock before it fails as contention. */
    @WithDefault("10s")
    Duration lockTimeout();
}
