package io.parley.common.events.migration;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Adds to the service's Flyway the steps that run before its own migrations ({@link BeforeServiceMigrations}), and
 * makes it hold its lock on the history in its session rather than in a transaction: an index built
 * {@code CONCURRENTLY} waits for every transaction older than itself to end, Flyway's own included.
 */
@Singleton
public class ServiceMigrationSteps implements FlywayConfigurationCustomizer {

    private final MigrationConfig config;

    ServiceMigrationSteps(MigrationConfig config) {
        this.config = config;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        apply(configuration, config.sharedLocations());
    }

    /** What {@link #customize} does, for a Flyway configured outside the application (tests, tools). */
    public static FluentConfiguration apply(FluentConfiguration configuration, List<String> sharedLocations) {
        return configuration.callbacks(new BeforeServiceMigrations(sharedLocations))
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }
}
