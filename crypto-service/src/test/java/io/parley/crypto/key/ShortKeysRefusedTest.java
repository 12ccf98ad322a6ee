package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.json;
import static io.parley.crypto.CryptoFixtures.pem;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * RSA keys of fewer than 2048 bits, the reference's 1024 included, are refused by default, generated or imported,
 * with a 400 that names the setting which allows them ({@link ShortKeysAllowedTest}).
 */
@QuarkusTest
class ShortKeysRefusedTest {

    @Test
    void generating1024BitKeysIsRefusedNamingTheSetting() {
        for (String field : new String[] { "key_length", "key_lenght" }) {
            root().request().contentType(ContentType.JSON)
                    .body("{\"encrypt_key\": {\"name\": \"Short\", \"tenant_id\": \"" + tenant()
                            + "\", \"add_type\": \"generate\", \"" + field + "\": 1024}}")
                    .when().post("/api/v2/encrypt_keys.json")
                    .then().statusCode(400)
                    .body("error", equalTo("RecordInvalid"))
                    .body("details.fields.field_name", contains(field))
                    .body("details.fields[0].description", containsString("fewer than 2048 bits"))
                    .body("details.fields[0].description", containsString("PARLEY_CRYPTO_ALLOW_1024_BIT_KEYS"));
        }
    }

    @Test
    void importing1024BitKeysIsRefusedNamingTheSetting() {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Short\", \"tenant_id\": \"" + tenant()
                        + "\", \"add_type\": \"import\", \"protection_mode\": \"app\", \"public_key\": "
                        + json(pem("rsa1024-public.pem")) + ", \"private_key\": " + json(pem("rsa1024-private.pem"))
                        + "}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("public_key"))
                .body("details.fields[0].description", containsString("PARLEY_CRYPTO_ALLOW_1024_BIT_KEYS"));
    }

    @Test
    void unsupportedLengthsNameOnlyTheAllowedOnes() {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Odd\", \"add_type\": \"generate\", \"key_length\": 3000}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields[0].description", equalTo("must be 2048 or 4096"));
    }
}
