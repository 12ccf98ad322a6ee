package io.parley.call.audio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.call.encryption.AudioEncryption;
import io.parley.call.playback.SignedUrls;
import io.parley.call.storage.AudioStorage;
import io.parley.call.storage.StorageChannel;
import io.parley.common.api.crypto.DataKeys;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Uploads of a tenant that encrypts its recordings ({@code encrypt_data}), learned from the directory's and
 * crypto-service's events: stored encrypted under a fresh data key wrapped to the tenant's active key, which only
 * that key's private half opens; refused while the tenant has no active key. Signed URLs of encrypted files play only
 * with the data keys they carry, and not once the key's deletion has arrived.
 */
@QuarkusTest
class EncryptedUploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    AudioStorage storage;

    @Inject
    SignedUrls signedUrls;

    private final byte[] audio = Audio.bytes(6, 300_000);

    @Test
    void uploadIsStoredEncryptedToTheTenantsActiveKey() throws Exception {
        UUID tenant = encryptingTenant();
        KeyPair pair = rsa();
        UUID key = UUID.randomUUID();
        announceKey(key, tenant, pair, true, CryptoKeyEvents.KEY_CREATED);
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ? AND is_active", key);

        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201).body("file.file_size", equalTo(audio.length))
                .body("file.watermark", equalTo(Audio.sha1(audio)));

        Map<String, Object> file = Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);
        assertEquals(key, file.get("encrypt_key_id"));
        byte[] stored = stored((String) file.get("storage_key"), AudioEncryption.ciphertextSize(audio.length));
        assertFalse(contains(stored, Arrays.copyOfRange(audio, 1000, 1032)), "the audio is not stored in clear");

        byte[] dataKey = DataKeys.unwrap(pair.getPrivate(),
                Base64.getDecoder().decode((String) file.get("wrapped_data_key")));
        try (SeekableByteChannel plain = AudioEncryption.decrypting(new StorageChannel(storage,
                (String) file.get("storage_key"), stored.length), AudioEncryption.DataKey.of(dataKey), call, "1")) {
            ByteBuffer decrypted = ByteBuffer.allocate(audio.length);
            while (decrypted.hasRemaining() && plain.read(decrypted) >= 0) {
                // read it all
            }
            assertArrayEquals(audio, decrypted.array());
        }
    }

    @Test
    void tenantThatEncryptsRefusesUploadsWhileItHasNoActiveKey() throws Exception {
        UUID tenant = encryptingTenant();
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(409).body("error", equalTo("NoEncryptionKey"));

        UUID key = UUID.randomUUID();
        KeyPair pair = rsa();
        announceKey(key, tenant, pair, true, CryptoKeyEvents.KEY_CREATED);
        announceKey(key, tenant, pair, false, CryptoKeyEvents.KEY_UPDATED);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ? AND NOT is_active", key);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(409).body("error", equalTo("NoEncryptionKey"));
        assertTrue(Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call).isEmpty(),
                "nothing was recorded");
    }

    @Test
    void playbackOfAnEncryptedFileIsRefusedWhenItsKeyCannotBeOpened() throws Exception {
        UUID tenant = encryptingTenant();
        UUID key = UUID.randomUUID();
        announceKey(key, tenant, rsa(), true, CryptoKeyEvents.KEY_CREATED);
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ?", key);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);

        // crypto-service is not reachable in this test (parley.crypto.url): never the ciphertext, never a 500
        given().auth().oauth2(Audio.listener()).when()
                .get("/api/v2/calls/" + call + ".json/file").then().statusCode(503)
                .body("error", equalTo("ServiceUnavailable"));
    }

    @Test
    void signedUrlOfAFileWhoseKeyItDoesNotCarryIsRefusedAsTheReferenceRefuses() throws Exception {
        UUID tenant = encryptingTenant();
        UUID key = UUID.randomUUID();
        announceKey(key, tenant, rsa(), true, CryptoKeyEvents.KEY_CREATED);
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ?", key);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);

        // as made before the file was encrypted: without its data key
        URI url = signedUrls.sign(URI.create("http://localhost/"), call, Optional.of("1"), signedUrls.now() + 600,
                Map.of());
        given().when().get(url.getRawPath() + "?" + url.getRawQuery()).then().statusCode(403)
                .contentType(startsWith("text/plain")).body(equalTo("Access is denied"));
    }

    @Test
    void signedUrlStopsPlayingOnceTheKeysDeletionIsConsumed() throws Exception {
        UUID tenant = encryptingTenant();
        KeyPair pair = rsa();
        UUID key = UUID.randomUUID();
        announceKey(key, tenant, pair, true, CryptoKeyEvents.KEY_CREATED);
        UUID call = TestCalls.call(tenant, "2026-03-01T10:00:00Z").store(dataSource);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ?", key);
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        Map<String, Object> file = Rows.awaitFirst(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);
        // the data key as crypto-service would open it for file_url.json
        AudioEncryption.DataKey dataKey = AudioEncryption.DataKey.of(DataKeys.unwrap(pair.getPrivate(),
                Base64.getDecoder().decode((String) file.get("wrapped_data_key"))));
        URI url = signedUrls.sign(URI.create("http://localhost/"), call, Optional.of("1"), signedUrls.now() + 600,
                Map.of("1", dataKey));
        String signed = url.getRawPath() + "?" + url.getRawQuery();
        assertArrayEquals(audio, given().when().get(signed).then().statusCode(200).extract().asByteArray());

        announceKey(key, tenant, pair, false, CryptoKeyEvents.KEY_DELETED, 3);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ? AND deleted", key);
        given().when().get(signed).then().statusCode(409).body("error", equalTo("EncryptionKeyDeleted"));
    }

    @Test
    void uploadBeforeTheCallsTenantIsKnownIsEncryptedOnceItIs() throws Exception {
        UUID call = UUID.randomUUID();
        Audio.upload(call, "1", "audio/mpeg", audio).statusCode(201);
        Map<String, Object> clear = Rows.first(dataSource, "SELECT * FROM call_file WHERE call_id = ?", call);
        assertEquals(true, clear.get("encryption_pending"));

        UUID tenant = encryptingTenant();
        KeyPair pair = rsa();
        UUID key = UUID.randomUUID();
        announceKey(key, tenant, pair, true, CryptoKeyEvents.KEY_CREATED);
        Rows.awaitFirst(dataSource, "SELECT * FROM known_encrypt_key WHERE key_id = ?", key);
        try (var connection = dataSource.getConnection();
                var associate = connection.prepareStatement("UPDATE call SET tenant_id = ? WHERE call_id = ?")) {
            associate.setObject(1, tenant); // as association does when the call's events arrive
            associate.setObject(2, call);
            associate.executeUpdate();
        }

        Map<String, Object> file = Rows.awaitFirst(dataSource,
                "SELECT * FROM call_file WHERE call_id = ? AND NOT encryption_pending", call);
        assertEquals(key, file.get("encrypt_key_id"));
        byte[] stored = stored((String) file.get("storage_key"), AudioEncryption.ciphertextSize(audio.length));
        assertFalse(contains(stored, Arrays.copyOfRange(audio, 1000, 1032)), "the audio is not stored in clear");
        Rows.awaitFirst(dataSource, "SELECT * FROM audio_deletion WHERE storage_key = ?", clear.get("storage_key"));
    }

    /** A tenant announced by the directory with {@code encrypt_data}. */
    private UUID encryptingTenant() {
        UUID tenant = UUID.randomUUID();
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, tenant.toString(), """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "tenant_id": "%s",
                 "data": {"tenant": {"tenant_id": "%s", "name": "Encrypting", "encrypt_data": true}}}
                """.formatted(UUID.randomUUID(), DirectoryEvents.TENANT_CREATED, OffsetDateTime.now(), tenant,
                tenant));
        Rows.awaitFirst(dataSource, "SELECT * FROM known_tenant WHERE id = ? AND encrypt_data", tenant);
        return tenant;
    }

    private void announceKey(UUID key, UUID tenant, KeyPair pair, boolean active, String type) {
        announceKey(key, tenant, pair, active, type, 0);
    }

    /** An event of the key as crypto-service publishes it; a revision of 0 leaves it out. */
    private void announceKey(UUID key, UUID tenant, KeyPair pair, boolean active, String type, long revision) {
        KafkaTopics.send(kafka, CryptoKeyEvents.TOPIC, tenant.toString(), """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "%s", "tenant_id": "%s",%s
                 "data": {"encrypt_key": {"key_id": "%s", "tenant_id": "%s", "name": "Test", "is_active": %s,
                 "public_key": "%s", "protection_mode": "app", "key_length": 2048, "has_private_key": true}}}
                """.formatted(UUID.randomUUID(), type, OffsetDateTime.now(), tenant,
                revision == 0 ? "" : " \"revision\": " + revision + ",", key, tenant, active,
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
    }

    private byte[] stored(String key, long size) throws IOException {
        try (InputStream in = storage.read(key, 0, size)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            assertEquals(size, bytes.size(), "the stored object is the ciphertext, of its length");
            return bytes.toByteArray();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
