package io.parley.common.events.migration;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/** Adds to the service's Flyway the steps that run before its own migrations ({@link BeforeServiceMigrations}). */
@Singleton
public class ServiceMigrationSteps implements FlywayConfigurationCustomizer {

    private final MigrationConfig config;

    ServiceMigrationSteps(MigrationConfig config) {
        this.config = config;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(new BeforeServiceMigrations(config.sharedLocations()));
    }
}
