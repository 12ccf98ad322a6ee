package io.parley.common.events.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What a service's Flyway does before it validates or applies the service's own migrations, in this order: checks
 * that the extensions the migrations use can be had ({@link RequiredExtensions}), migrates the shared modules'
 * locations with their own history tables ({@link SharedMigrations}), and brings versions the database holds in an
 * earlier, known form to their landed form ({@link EarlierMigrationVersions}). Done once per Flyway run, at the first
 * of its validation or migration, under a lock of the schema's, so that instances starting together take turns.
 */
public final class BeforeServiceMigrations implements Callback {

    private final List<String> sharedLocations;
    private boolean done;

    public BeforeServiceMigrations(List<String> sharedLocations) {
        this.sharedLocations = List.copyOf(sharedLocations);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        if (done) {
            return;
        }
        Configuration configuration = context.getConfiguration();
        // without lock_timeout (init-sql): waiting for another instance's steps is expected
        try (Connection lock = configuration.getDataSource().getConnection();
                PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
                PreparedStatement release = lock.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            String key = "parley:migrations:" + SharedMigrations.schema(configuration, lock);
            take.setString(1, key);
            take.execute();
            try {
                RequiredExtensions.check(configuration.getDataSource());
                for (String location : sharedLocations) {
                    SharedMigrations.migrate(configuration, location);
                }
                EarlierMigrationVersions.upgrade(configuration);
            } finally {
                release.setString(1, key);
                release.execute();
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot lock the schema's migrations: " + e.getMessage(), e);
        }
        done = true;
    }

    @Override
    public String getCallbackName() {
        return "parley-before-service-migrations";
    }
}
