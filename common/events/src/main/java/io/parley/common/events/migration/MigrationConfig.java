package io.parley.common.events.migration;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** What runs before a service's own migrations (docs/configuration.md, "Migrations"). */
@ConfigMapping(prefix = "parley.migrations")
public interface MigrationConfig {

    /**
     * The shared modules' migration locations this service holds, each migrated with its own history table
     * ({@link SharedMigrations}), in this order, before the service's own.
     */
    List<String> sharedLocations();

    /**
     * How long a migration's statement waits for a lock before it fails (PostgreSQL {@code lock_timeout}, e.g.
     * {@code 10s}), set on Flyway's sessions by {@code quarkus.flyway.init-sql}.
     */
    String lockTimeout();
}
