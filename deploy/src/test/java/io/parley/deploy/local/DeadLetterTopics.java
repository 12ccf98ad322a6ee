package io.parley.deploy.local;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.parley.common.embedded.KafkaTopics;

/** What the platform set aside on its dead-letter topics. */
final class DeadLetterTopics {

    static final String RECORDER_EVENTS = "recording.events.dlq";

    private DeadLetterTopics() {
    }

    /** How many of the calls' recorder events call-service set aside (records are keyed by call id). */
    static long recorderEventsAbout(LocalPlatform platform, Collection<UUID> calls) {
        Set<String> keys = calls.stream().map(UUID::toString).collect(Collectors.toSet());
        return KafkaTopics.all(platform.kafkaBootstrapServers(), RECORDER_EVENTS).stream()
                .filter(record -> keys.contains(record.key())).count();
    }
}
