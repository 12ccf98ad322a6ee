package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.json;
import static io.parley.crypto.CryptoFixtures.pem;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where the operator allows them ({@code parley.crypto.allow-1024-bit-keys}), 1024-bit keys are generated and read. */
@QuarkusTest
@TestProfile(ShortKeysAllowedTest.Allowed.class)
class ShortKeysAllowedTest {

    public static class Allowed implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.crypto.allow-1024-bit-keys", "true");
        }
    }

    @Test
    void generated1024BitKeyIsAccepted() {
        String id = createKey(root(), "\"name\": \"Short\", \"tenant_id\": \"" + tenant()
                + "\", \"add_type\": \"generate\", \"key_length\": 1024, \"protection_mode\": \"app\"");
        root().request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200).body("encrypt_key.key_length", equalTo(1024));
    }

    @Test
    void imported1024BitKeyIsAccepted() {
        String id = createKey(root(), "\"name\": \"Short\", \"tenant_id\": \"" + tenant()
                + "\", \"add_type\": \"import\", \"protection_mode\": \"app\", \"public_key\": "
                + json(pem("rsa1024-public.pem")) + ", \"private_key\": " + json(pem("rsa1024-private.pem")));
        root().request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200)
                // openssl pkey -pubin -in rsa1024-public.pem -outform DER | md5sum
                .body("encrypt_key.fingerprint", equalTo("590de8c385c7a80a01a66924a129ae95"))
                .body("encrypt_key.key_length", equalTo(1024));
    }
}
