package io.parley.common.events.migration;

import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What a service's Flyway does before it validates or applies the service's own migrations, in this order: checks
 * that the extensions the migrations use can be had ({@link RequiredExtensions}), migrates the shared modules'
 * locations with their own history tables ({@link SharedMigrations}), and brings versions the database holds in an
 * earlier, known form to their landed form ({@link EarlierMigrationVersions}). Done once per Flyway run, at the first
 * of its validation or migration.
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
        RequiredExtensions.check(configuration.getDataSource());
        for (String location : sharedLocations) {
            SharedMigrations.migrate(configuration, location);
        }
        EarlierMigrationVersions.upgrade(configuration);
        done = true;
    }

    @Override
    public String getCallbackName() {
        return "parley-before-service-migrations";
    }
}
