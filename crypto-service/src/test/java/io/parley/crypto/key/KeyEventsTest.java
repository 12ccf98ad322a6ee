package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CryptoKeyEvents;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KeyEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void activationIsPublishedWithThePublicKeyAndNoPrivateMaterial() throws Exception {
        User root = root();
        UUID tenant = tenant();
        String id = createKey(root, "\"name\": \"Published\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 1024, \"protection_mode\": \"app\","
                + " \"is_active\": true");
        String publicKey = root.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().extract().path("encrypt_key.public_key");

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, CryptoKeyEvents.TOPIC,
                value -> value.contains(id) && value.contains(CryptoKeyEvents.KEY_UPDATED)
                        && value.contains("\"is_active\":true"),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("No activation event for " + id));

        assertEquals(tenant.toString(), record.key());
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(CryptoKeyEvents.VERSION, event.path("version").asInt());
        assertEquals(tenant.toString(), event.path("tenant_id").asText());
        JsonNode key = event.path("data").path("encrypt_key");
        assertEquals(id, key.path("key_id").asText());
        assertEquals(publicKey, key.path("public_key").asText());
        assertTrue(key.path("is_active").asBoolean());
        assertFalse(record.value().toLowerCase().contains("private_key\""), record.value());
        assertFalse(record.value().contains("sealed"), record.value());
    }
}
