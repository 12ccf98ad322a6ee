package io.parley.crypto;

import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.json;
import static io.parley.crypto.CryptoFixtures.pem;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.unique;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.fuzz.ApiErrorShape;
import io.parley.common.embedded.fuzz.JsonBodies;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Fuzzes the JSON bodies crypto-service reads: key generation and import (with the openssl fixtures' PEM), key
 * updates, grants and data-key requests, with variants of a valid body sent by the tenant's key administrator. Each is
 * served or refused with a 4xx in the API's error shape, never a 5xx, and the service goes on answering.
 */
@QuarkusTest
class RequestBodiesFuzzTest {

    private static final int TRIES = 50;

    @Test
    void keyBodies() {
        User root = root();
        fuzz(root, "/api/v2/encrypt_keys.json", """
                {"encrypt_key": {"name": "%s", "tenant_id": "%s", "add_type": "generate", "key_length": 1024,
                 "protection_mode": "app", "is_active": true}}
                """.formatted(unique("Key"), root.tenantId()), false);
        fuzz(root, "/api/v2/encrypt_keys.json", """
                {"encrypt_key": {"name": "%s", "tenant_id": "%s", "add_type": "import", "protection_mode": "user",
                 "public_key": %s, "private_key": %s, "private_key_password": "fixture-password"}}
                """.formatted(unique("Key"), root.tenantId(), json(pem("pkcs8-public.pem")),
                json(pem("pkcs8-private-encrypted.pem"))), false);
        String key = generateKey(root, root.tenantId(), "app");
        fuzz(root, "/api/v2/encrypt_keys/" + key + ".json", """
                {"encrypt_key": {"name": "%s", "is_active": false}}
                """.formatted(unique("Key")), true);
        root.request().when().get("/api/v2/encrypt_keys/" + key + ".json").then().statusCode(200);
    }

    @Test
    void grantAndDataKeyBodies() {
        User root = root();
        String key = generateKey(root, root.tenantId(), "app");
        fuzz(root, "/api/v2/encrypt_keys/" + key + "/authorized_users.json", """
                {"user": {"user_id": "%s"}}
                """.formatted(UUID.randomUUID()), false);
        fuzz(root, "/internal/v1/encrypt_keys/" + key + "/data_key", """
                {"wrapped_key": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}
                """, false);
        root.request().when().get("/api/v2/encrypt_keys/" + key + "/authorized_users.json").then().statusCode(200);
    }

    private static void fuzz(User user, String path, String valid, boolean put) {
        // no directory runs in these tests: a tenant or user unknown to the replica is a 503 to send again
        ApiErrorShape.assertEachAnsweredOrRetryLater(TRIES, data -> {
            var request = user.request().contentType(ContentType.JSON).body(JsonBodies.around(data, valid)).when();
            return put ? request.put(path) : request.post(path);
        });
    }
}
