package io.parley.call.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.ScrapedMetrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ingest on the management port's {@code /q/metrics}, as Prometheus scrapes it (docs/reliability.md, "Metrics"). */
@QuarkusTest
class IngestMetricsTest {

    private static final String TOPIC = "recording.events";
    private static final Map<String, String> STARTED_APPLIED = Map.of("type", "call.started", "outcome", "applied",
            "service", "call-service");
    private static final Map<String, String> UNREADABLE = Map.of("type", "unknown", "outcome", "dead_lettered");
    private static final Map<String, String> CONTRACT = Map.of("topic", "recording.events.dlq", "reason", "contract",
            "service", "call-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void appliedEventsAreCountedByTypeAndTheirBatchesTimed() {
        ScrapedMetrics before = ScrapedMetrics.of(metrics);
        UUID call = UUID.randomUUID();
        publish(call, started(call, "\"from_number\": \"600\""));
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call);

        // the batch is timed once its events are counted: both are awaited
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ScrapedMetrics now = ScrapedMetrics.of(metrics);
            return now.value("parley_ingest_events_total", STARTED_APPLIED) > before.value(
                    "parley_ingest_events_total", STARTED_APPLIED)
                    && now.value("parley_ingest_batch_seconds_count", Map.of()) > before.value(
                            "parley_ingest_batch_seconds_count", Map.of());
        });
        assertTrue(ScrapedMetrics.of(metrics).sum("parley_ingest_batch_seconds_bucket", Map.of("le", "+Inf"))
                .isPresent(),
                "the batch timer has histogram buckets");
    }

    @Test
    void aMalformedRecordIsCountedAsADeadLetterOfTheContract() {
        ScrapedMetrics before = ScrapedMetrics.of(metrics);
        UUID call = UUID.randomUUID();
        publish(call, "not json " + call);
        publish(call, started(call, "\"from_number\": \"601\""));
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ScrapedMetrics now = ScrapedMetrics.of(metrics);
            return now.value("parley_dead_letters_total", CONTRACT) > before.value("parley_dead_letters_total",
                    CONTRACT)
                    && now.value("parley_ingest_events_total", UNREADABLE) > before.value(
                            "parley_ingest_events_total", UNREADABLE);
        });
        assertTrue(ScrapedMetrics.of(metrics).sum("parley_dead_letters_total", Map.of("topic", "recording.events.dlq", "reason",
                "database")).isPresent(), "every reason class is shown, 0 before its first dead letter");
    }

    @Test
    void anEventTheDatabaseRefusesIsCountedByItsTypeAndAsADeadLetterOfTheDatabase() {
        Map<String, String> startedDeadLettered = Map.of("type", "call.started", "outcome", "dead_lettered");
        Map<String, String> database = Map.of("topic", "recording.events.dlq", "reason", "database");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);
        UUID call = UUID.randomUUID();
        // a date-time of the contract's form that PostgreSQL cannot store (its last year is 294276)
        publish(call, started(call, "\"setup_time\": \"+300000-01-01T00:00:00Z\""));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ScrapedMetrics now = ScrapedMetrics.of(metrics);
            return now.value("parley_dead_letters_total", database) > before.value("parley_dead_letters_total",
                    database)
                    && now.value("parley_ingest_events_total", startedDeadLettered) > before.value(
                            "parley_ingest_events_total", startedDeadLettered);
        });
    }

    /**
     * Quarkus' Kafka binder shows the consumer's lag per partition once the client reports it, which Micrometer reads
     * every minute: hence the wait.
     */
    @Test
    void consumerLagIsShownPerTopicAndPartition() {
        UUID call = UUID.randomUUID();
        publish(call, started(call, "\"from_number\": \"602\""));
        Rows.awaitFirst(dataSource, "SELECT * FROM call WHERE call_id = ?", call);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> ScrapedMetrics.of(metrics).sum("kafka_consumer_fetch_manager_records_lag",
                        Map.of("topic", TOPIC, "service", "call-service")).isPresent());
        assertTrue(ScrapedMetrics.of(metrics).labelsOf("kafka_consumer_fetch_manager_records_lag").stream()
                .filter(labels -> TOPIC.equals(labels.get("topic")))
                .allMatch(labels -> labels.containsKey("partition") && labels.containsKey("client_id")));
    }

    private void publish(UUID call, String value) {
        KafkaTopics.send(kafka, TOPIC, call.toString(), value);
    }

    private static String started(UUID call, String fields) {
        return """
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", %s}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), call, fields);
    }
}
