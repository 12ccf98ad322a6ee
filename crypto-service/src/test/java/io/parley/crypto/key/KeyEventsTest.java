package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static io.parley.crypto.CryptoFixtures.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import io.restassured.http.ContentType;

@QuarkusTest
class KeyEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void activationIsPublishedWithThePublicKeyAndNoPrivateMaterial() throws Exception {
        User root = root();
        UUID tenant = tenant();
        String id = createKey(root, "\"name\": \"Published\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048, \"protection_mode\": \"app\","
                + " \"is_active\": true");
        String publicKey = root.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().extract().path("encrypt_key.public_key");

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, CryptoKeyEvents.TOPIC,
                value -> isActivation(value, id),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("No activation event for " + id));

        assertEquals(tenant.toString(), record.key());
        JsonNode event = JSON.readTree(record.value());
        assertEquals(CryptoKeyEvents.VERSION, event.path("dataversion").asInt());
        assertEquals(tenant.toString(), event.path("tenantid").asText());
        JsonNode key = event.path("data").path("encrypt_key");
        assertEquals(id, key.path("key_id").asText());
        assertEquals(publicKey, key.path("public_key").asText());
        assertTrue(key.path("is_active").asBoolean());
        Set<String> fields = new TreeSet<>();
        key.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(Set.of("key_id", "tenant_id", "name", "is_active", "fingerprint", "public_key",
                "protection_mode", "key_length", "has_private_key")), fields, "the public half and nothing else");
    }

    /**
     * Each key's events carry its revision, one more per change, whichever of the tenant's keys caused it: a key
     * created active (created, then activated), deactivated by another key's activation, then deleted.
     */
    @Test
    void aKeysEventsCarryItsRevisionsInTheOrderOfItsChanges() throws Exception {
        User root = root();
        UUID tenant = tenant();
        String fields = "\"tenant_id\": \"" + tenant + "\", \"add_type\": \"generate\", \"key_length\": 2048,"
                + " \"protection_mode\": \"app\", \"is_active\": true, \"name\": ";
        String first = createKey(root, fields + "\"First\"");
        createKey(root, fields + "\"Second\"");
        root.request().when().delete("/api/v2/encrypt_keys/" + first + ".json").then().statusCode(200);

        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            events.clear();
            for (ConsumerRecord<String, String> record : KafkaTopics.all(kafka, CryptoKeyEvents.TOPIC)) {
                JsonNode event = JSON.readTree(record.value());
                if (first.equals(event.at("/data/encrypt_key/key_id").asText())) {
                    events.add(event);
                }
            }
            return events.size() == 4;
        });
        assertEquals(List.of("encrypt_key.created:1:false", "encrypt_key.updated:2:true",
                "encrypt_key.updated:3:false", "encrypt_key.deleted:4:false"),
                events.stream()
                        .map(event -> event.path("type").asText() + ":" + event.path("revision").asLong() + ":"
                                + event.at("/data/encrypt_key/is_active").asBoolean())
                        .toList());
    }

    @Test
    void revokingAGrantIsPublishedWithTheKeyAndTheUser() throws Exception {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls:playback"));
        String key = generateKey(admin, tenant, "app");
        String grants = "/api/v2/encrypt_keys/" + key + "/authorized_users";
        admin.request().contentType(ContentType.JSON).body("{\"user\": {\"user_id\": \"" + agent.id() + "\"}}")
                .when().post(grants + ".json").then().statusCode(201);
        admin.request().when().delete(grants + "/" + agent.id() + ".json").then().statusCode(200);

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, CryptoKeyEvents.TOPIC,
                value -> value.contains(CryptoKeyEvents.GRANT_REVOKED) && value.contains(key),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("No revocation of " + key));
        assertEquals(tenant.toString(), record.key());
        JsonNode event = JSON.readTree(record.value());
        assertEquals(CryptoKeyEvents.GRANT_REVOKED, event.path("type").asText());
        assertEquals(tenant.toString(), event.path("tenantid").asText());
        assertEquals(key, event.at("/data/authorized_user/key_id").asText());
        assertEquals(agent.id().toString(), event.at("/data/authorized_user/user_id").asText());
    }

    private static boolean isActivation(String value, String id) {
        try {
            JsonNode event = JSON.readTree(value);
            JsonNode key = event.path("data").path("encrypt_key");
            return CryptoKeyEvents.KEY_UPDATED.equals(event.path("type").asText())
                    && id.equals(key.path("key_id").asText()) && key.path("is_active").asBoolean();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
