package io.parley.gateway.authentication;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Drops every cached credential when the gateway's consumer of directory changes is given partitions. That consumer
 * keeps no position and reads from the latest offset: given partitions anew after it lost them (the broker away for
 * longer than its session, a rebalance), it has skipped whatever changed meanwhile and cannot tell what, so the cache
 * forgets everything and each caller's next request is checked with the directory again. The partitions' positions
 * are settled first, so that a change published while the cache is dropped is read after it, not skipped.
 */
@ApplicationScoped
@Identifier(DirectoryChangesAssignment.NAME)
public class DirectoryChangesAssignment implements KafkaConsumerRebalanceListener {

    static final String NAME = "directory-changes-assignment";
    private static final Logger LOG = Logger.getLogger(DirectoryChangesAssignment.class);

    private final CredentialCache cache;

    DirectoryChangesAssignment(CredentialCache cache) {
        this.cache = cache;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            partitions.forEach(consumer::position);
            cache.invalidateAll();
            LOG.infof("Directory changes are read from %d partitions anew; cached credentials dropped",
                    partitions.size());
        }
    }
}
