package io.parley.crypto.contract;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static io.parley.crypto.CryptoFixtures.user;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.contract.AsyncApiContract;
import io.parley.common.events.CryptoKeyEvents;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every event crypto-service publishes on {@code crypto.keys} is one the AsyncAPI document describes
 * (contract/asyncapi.yaml): keys created, renamed, activated, deactivated by another's activation and deleted, and a
 * grant revoked, caused through the API.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.ofRepository();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void keyEventsOfEveryTypeAreAsTheContractDescribes() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls:playback"));
        String fields = "\"tenant_id\": \"" + tenant + "\", \"add_type\": \"generate\", \"key_length\": 2048,"
                + " \"protection_mode\": \"app\", \"is_active\": true, \"name\": ";
        String first = createKey(admin, fields + "\"First\"");
        admin.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"First renamed\"}}")
                .when().put("/api/v2/encrypt_keys/" + first + ".json").then().statusCode(200);
        String second = createKey(admin, fields + "\"Second\"");
        String grants = "/api/v2/encrypt_keys/" + second + "/authorized_users";
        admin.request().contentType(ContentType.JSON).body("{\"user\": {\"user_id\": \"" + agent.id() + "\"}}")
                .when().post(grants + ".json").then().statusCode(201);
        admin.request().when().delete(grants + "/" + agent.id() + ".json").then().statusCode(200);
        admin.request().when().delete("/api/v2/encrypt_keys/" + first + ".json").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTopics.all(kafka, CryptoKeyEvents.TOPIC).stream()
                        .filter(record -> tenant.toString().equals(record.key())).toList(),
                found -> AsyncApiContract.typesOf(found).equals(Set.of(CryptoKeyEvents.KEY_CREATED, CryptoKeyEvents.KEY_UPDATED,
                        CryptoKeyEvents.KEY_DELETED, CryptoKeyEvents.GRANT_REVOKED)));

        CONTRACT.assertDescribe(records);
    }
}
