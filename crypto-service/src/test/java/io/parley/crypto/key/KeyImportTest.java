package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.json;
import static io.parley.crypto.CryptoFixtures.pem;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.api.crypto.DataKeys;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Keys imported as openssl writes them (fixtures: src/test/resources/keys/README.md). */
@QuarkusTest
class KeyImportTest {

    private static final String PASSWORD = "fixture-password";

    @Test
    void pkcs8PrivateKeyWithX509PublicKeyIsImportedWithOpensslsFingerprint() {
        User root = root();
        String id = importKey(root, "pkcs8-public.pem", "pkcs8-private.pem", null, "app");
        root.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200)
                // openssl pkey -pubin -in pkcs8-public.pem -outform DER | md5sum
                .body("encrypt_key.fingerprint", equalTo("4bd3b54544e23b4e18cac1d688ba4e27"))
                .body("encrypt_key.key_length", equalTo(2048))
                .body("encrypt_key.has_private_key", equalTo(true));
        assertOpens(root, id, "pkcs8-public.pem");
    }

    @Test
    void pkcs1PrivateKeyWithPkcs1PublicKeyIsImported() {
        User root = root();
        assertOpens(root, importKey(root, "pkcs1-public.pem", "pkcs1-private.pem", null, "app"), "pkcs1-public.pem");
    }

    @Test
    void encryptedPkcs8PrivateKeyIsImportedWithItsPassword() {
        User root = root();
        String id = importKey(root, "pkcs8-public.pem", "pkcs8-private-encrypted.pem", PASSWORD, "user");
        assertOpens(root, id, "pkcs8-public.pem");
    }

    @Test
    void legacyEncryptedPkcs1PrivateKeyIsImportedWithItsPassword() {
        User root = root();
        String id = importKey(root, "pkcs1-public-x509.pem", "pkcs1-private-encrypted.pem", PASSWORD, "app");
        assertOpens(root, id, "pkcs1-public-x509.pem");
    }

    @Test
    void publicKeyAloneIsImportedWithoutAPrivateHalf() {
        User root = root();
        String id = importKey(root, "pkcs8-public.pem", null, null, "user");
        root.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200).body("encrypt_key.has_private_key", equalTo(false));
        root.request().contentType(ContentType.JSON).body("{\"wrapped_key\": \"AAAA\"}")
                .when().post("/internal/v1/encrypt_keys/" + id + "/data_key")
                .then().statusCode(409).body("error", equalTo("NoPrivateKey"));
    }

    @Test
    void bareBase64PublicKeyAsInTheReferenceIsAccepted() {
        String body = pem("pkcs8-public.pem").replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        createKey(root(), "\"name\": \"Bare\", \"tenant_id\": \"" + tenant()
                + "\", \"add_type\": \"import\", \"public_key\": " + json(body));
    }

    @Test
    void publicKeyThatDoesNotMatchThePrivateKeyIsRefusedNamingIt() {
        refused("pkcs1-public.pem", "pkcs8-private.pem", null, "public_key");
    }

    @Test
    void wrongOrMissingPasswordIsRefusedNamingIt() {
        refused("pkcs8-public.pem", "pkcs8-private-encrypted.pem", "not-the-password", "private_key_password");
        refused("pkcs8-public.pem", "pkcs8-private-encrypted.pem", null, "private_key_password");
        refused("pkcs1-public.pem", "pkcs1-private-encrypted.pem", "not-the-password", "private_key_password");
    }

    @Test
    void textThatIsNoKeyIsRefusedNamingTheField() {
        User root = root();
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Junk\", \"add_type\": \"import\", \"public_key\": \"junk\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("public_key"));
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Junk\", \"add_type\": \"import\", \"public_key\": "
                        + json(pem("pkcs8-public.pem")) + ", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nAAAA"
                        + "\\n-----END PRIVATE KEY-----\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("private_key"));
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Nothing\", \"add_type\": \"import\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("public_key"));
    }

    @Test
    void keyTextLongerThanAnyKeyIsRefusedBeforeItIsParsed() {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Huge\", \"add_type\": \"import\", \"public_key\": \""
                        + "A".repeat(40_000) + "\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("public_key"))
                .body("details.fields[0].description", equalTo("must be at most 32768 characters"));
    }

    @Test
    void theDatabaseHoldsNoPrivateKeyInClear() throws Exception {
        User root = root();
        String app = importKey(root, "pkcs8-public.pem", "pkcs8-private.pem", null, "app");
        String user = importKey(root, "pkcs8-public.pem", "pkcs8-private.pem", null, "user");
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem("pkcs8-private.pem")
                .replaceAll("-----[A-Z ]+-----", ""));
        for (String id : new String[] { app, user }) {
            byte[] stored = QuarkusTransaction.requiringNew().call(
                    () -> EncryptKey.<EncryptKey> findById(UUID.fromString(id)).sealedPrivateKey);
            assertFalse(includes(stored, java.util.Arrays.copyOfRange(pkcs8, 40, 80)),
                    "stored private key of " + id + " contains the key in clear");
        }
    }

    private static String importKey(User user, String publicKey, String privateKey, String password, String mode) {
        return createKey(user, "\"name\": \"Imported\", \"tenant_id\": \"" + tenant()
                + "\", \"add_type\": \"import\", \"protection_mode\": \"" + mode + "\", \"public_key\": "
                + json(pem(publicKey))
                + (privateKey == null ? "" : ", \"private_key\": " + json(pem(privateKey)))
                + (password == null ? "" : ", \"private_key_password\": " + json(password)));
    }

    private static void refused(String publicKey, String privateKey, String password, String field) {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Refused\", \"add_type\": \"import\", \"public_key\": "
                        + json(pem(publicKey)) + ", \"private_key\": " + json(pem(privateKey))
                        + (password == null ? "" : ", \"private_key_password\": " + json(password)) + "}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.field_name", contains(field));
    }

    /** A data key wrapped to the fixture's public key comes back from crypto-service as it was. */
    private static void assertOpens(User holder, String keyId, String publicKey) {
        try {
            String body = root().request().when().get("/api/v2/encrypt_keys/" + keyId + ".json")
                    .then().extract().path("encrypt_key.public_key");
            byte[] dataKey = new byte[32];
            new java.security.SecureRandom().nextBytes(dataKey);
            byte[] wrapped = DataKeys.wrap(DataKeys.publicKey(body), dataKey);
            String opened = holder.request().contentType(ContentType.JSON)
                    .body("{\"wrapped_key\": \"" + Base64.getEncoder().encodeToString(wrapped) + "\"}")
                    .when().post("/internal/v1/encrypt_keys/" + keyId + "/data_key")
                    .then().statusCode(200).extract().path("data_key");
            assertArrayEquals(dataKey, Base64.getDecoder().decode(opened));
            // and the fixture's own private key agrees that this is its public half
            PrivateKey fixture = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(pem("pkcs8-private.pem").replaceAll("-----[A-Z ]+-----", ""))));
            if (publicKey.startsWith("pkcs8")) {
                assertArrayEquals(dataKey, DataKeys.unwrap(fixture, wrapped));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean includes(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
