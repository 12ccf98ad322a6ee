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
}
