package io.parley.call.encryption;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CryptoKeyEvents;
import io.quarkus.test.junit.QuarkusTest;

/** call-service's copy of the tenants' keys applies each key's changes in the order of the key's revisions. */
@QuarkusTest
class EncryptKeyReplicaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void anOlderRevisionOfAKeyArrivingAfterANewerOneIsIgnoredWhateverItsTime() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        String publicKey = publicKey();
        awaitConsumed(announce(tenant, key, publicKey, CryptoKeyEvents.KEY_UPDATED, 3, false, "2026-01-01T10:00:00Z"));

        // the activation before the deactivation, sent again later (a replay of dead letters), stamped later
        awaitConsumed(announce(tenant, key, publicKey, CryptoKeyEvents.KEY_UPDATED, 2, true, "2026-01-01T10:00:01Z"));

        assertEquals(false, Rows.first(dataSource, "SELECT is_active FROM known_encrypt_key WHERE key_id = ?", key)
                .get("is_active"));
    }

    @Test
    void aKeyActivatedAndDeactivatedInTheSameSecondEndsInactive() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        String publicKey = publicKey();
        announce(tenant, key, publicKey, CryptoKeyEvents.KEY_CREATED, 1, false, "2026-01-01T10:00:00Z");
        announce(tenant, key, publicKey, CryptoKeyEvents.KEY_UPDATED, 2, true, "2026-01-01T10:00:00Z");
        awaitConsumed(announce(tenant, key, publicKey, CryptoKeyEvents.KEY_UPDATED, 3, false, "2026-01-01T10:00:00Z"));

        assertEquals(false, Rows.first(dataSource, "SELECT is_active FROM known_encrypt_key WHERE key_id = ?", key)
                .get("is_active"));
        assertEquals(3L, Rows.first(dataSource, "SELECT revision FROM known_encrypt_key WHERE key_id = ?", key)
                .get("revision"));
    }

    private UUID announce(UUID tenant, UUID key, String publicKey, String type, long revision, boolean active,
            String occurredAt) {
        UUID eventId = UUID.randomUUID();
        KafkaTopics.send(kafka, CryptoKeyEvents.TOPIC, tenant.toString(), """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "tenant_id": "%s",
                 "revision": %d,
                 "data": {"encrypt_key": {"key_id": "%s", "tenant_id": "%s", "name": "Test", "is_active": %s,
                 "public_key": "%s", "protection_mode": "app", "key_length": 1024, "has_private_key": true}}}
                """.formatted(eventId, type, occurredAt, tenant, revision, key, tenant, active, publicKey));
        return eventId;
    }

    /** Waits until the replica has consumed the event: its id is recorded in the transaction of its effect. */
    private void awaitConsumed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Rows.first(dataSource,
                "SELECT 1 AS consumed FROM processed_event WHERE event_id = ?", eventId).isEmpty());
    }

    private static String publicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
