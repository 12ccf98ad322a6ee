package io.parley.directory.events;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.parley.common.events.DirectoryEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * Makes {@code directory.events} a compacted topic (docs/events.md): Kafka keeps at least the last event of every
 * object for good, which is all a new replica needs, and drops the ones they replace. Every object's last event is
 * its state, or its deletion (a tenant's deletion publishes the deletion of everything it owned), so nothing a
 * replica needs is lost. At startup the topic is created compacted when it is missing and set to compaction when it
 * has another cleanup policy; this runs in the background and is tried again until Kafka answers, so that a broker
 * outage never keeps the service from starting.
 */
@ApplicationScoped
public class CompactedEventsTopic {

    private static final Logger LOG = Logger.getLogger(CompactedEventsTopic.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> adminConfig;
    /** Tries again, pausing twice as long each time up to a minute, until Kafka answers. */
    private final TypedGuard<String> untilKafkaAnswers = TypedGuard.create(String.class)
            .withRetry().maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS)
            .delay(FIRST_PAUSE.toMillis(), ChronoUnit.MILLIS)
            .beforeRetry(failure -> LOG.warnf("Could not check that %s is compacted (%s); trying again",
                    DirectoryEvents.TOPIC, failure.getCause() != null ? failure.getCause().getClass().getSimpleName()
                            : failure.getClass().getSimpleName()))
            .withExponentialBackoff().factor(2).maxDelay(LONGEST_PAUSE.toMillis(), ChronoUnit.MILLIS).done()
            .done().build();
    private volatile Thread worker;

    CompactedEventsTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "directory-service-topics");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.adminConfig = config;
    }

    void onStart(@Observes StartupEvent started) {
        Thread thread = new Thread(this::ensureUntilDone, "directory-events-compaction");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void ensureUntilDone() {
        try {
            LOG.info(untilKafkaAnswers.call(() -> {
                try (Admin admin = Admin.create(adminConfig)) {
                    return ensureCompacted(admin, DirectoryEvents.TOPIC);
                }
            }));
        } catch (Exception e) {
            // interrupted at shutdown: the next start checks again
            LOG.debugf("Stopped checking that %s is compacted (%s)", DirectoryEvents.TOPIC, e.getClass().getSimpleName());
        }
    }

    /**
     * Creates the topic compacted (with the broker's partitions and replication), or sets an existing one's cleanup
     * policy to {@code compact}; does nothing to a topic that is compacted already.
     *
     * @return what was done, to be logged
     */
    static String ensureCompacted(Admin admin, String topic) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return "Created " + topic + " with cleanup.policy=compact";
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource);
        ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String current = policy == null ? "" : policy.value();
        if (TopicConfig.CLEANUP_POLICY_COMPACT.equals(current)) {
            return topic + " is compacted (cleanup.policy=compact)";
        }
        admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                AlterConfigOp.OpType.SET)))).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return "Set cleanup.policy of " + topic + " from " + current + " to compact";
    }
}
