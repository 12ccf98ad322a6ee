package io.parley.deploy.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document ({@code contract/asyncapi.yaml}) has a channel for every topic the Kubernetes manifests
 * create ({@code deploy/kubernetes/base/kafka/topics.yaml}) and none other, and each channel's Kafka binding says what
 * the manifest sets: partitions, cleanup policy, retention and largest record.
 */
class AsyncApiTopicsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath()
            .normalize();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void everyTopicTheManifestsCreateIsAChannelWithTheirSettings() throws IOException {
        Map<String, String> created = new TreeMap<>();
        try (MappingIterator<JsonNode> topics = YAML.readerFor(JsonNode.class)
                .readValues(Files.readString(REPOSITORY.resolve("deploy/kubernetes/base/kafka/topics.yaml")))) {
            for (JsonNode topic : topics.readAll()) {
                JsonNode spec = topic.path("spec");
                created.put(topic.path("metadata").path("name").asString(), settings(spec.path("partitions"),
                        spec.path("config").path("cleanup.policy").asString(),
                        spec.path("config").path("retention.ms"), spec.path("config").path("max.message.bytes")));
            }
        }
        Map<String, String> described = new TreeMap<>();
        JsonNode document = YAML.readTree(REPOSITORY.resolve("contract/asyncapi.yaml").toFile());
        for (JsonNode channel : document.path("channels").values()) {
            JsonNode kafka = channel.path("bindings").path("kafka");
            JsonNode configuration = kafka.path("topicConfiguration");
            List<String> policies = new ArrayList<>();
            configuration.path("cleanup.policy").values().forEach(policy -> policies.add(policy.asString()));
            described.put(channel.path("address").asString(), settings(kafka.path("partitions"),
                    String.join(",", policies), configuration.path("retention.ms"),
                    configuration.path("max.message.bytes")));
        }
        assertEquals(created, described);
    }

    private static String settings(JsonNode partitions, String cleanupPolicy, JsonNode retention, JsonNode maxBytes) {
        return "partitions " + partitions.asString() + ", cleanup.policy " + cleanupPolicy + ", retention.ms "
                + retention.asString() + ", max.message.bytes " + maxBytes.asString();
    }
}
