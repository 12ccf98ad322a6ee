package io.parley.common.events.outbox;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox on {@code /q/health/ready}: how many events wait for the relay and how many are parked, and the oldest
 * parked one (its id, topic, key, since when and why; never its content). Parked events leave it {@code UP}: every
 * instance of the service shares the outbox, so that a readiness {@code DOWN} would take the whole service out of
 * its load balancer for events that no restart sends, while the API and all other events work.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final DataSource dataSource;

    OutboxHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        OutboxTable.Summary summary;
        try (Connection connection = dataSource.getConnection()) {
            summary = OutboxTable.summary(connection);
        } catch (SQLException e) {
            return response.down().withData("error", "the outbox cannot be read").build();
        }
        response.up().withData("pending", summary.pending()).withData("parked", summary.parked());
        summary.oldestParked().ifPresent(oldest -> response
                .withData("oldest_parked_event_id", oldest.eventId().toString())
                .withData("oldest_parked_topic", oldest.topic())
                .withData("oldest_parked_key", oldest.key())
                .withData("oldest_parked_since", oldest.since().toString())
                .withData("oldest_parked_reason", oldest.reason()));
        return response.build();
    }
}
