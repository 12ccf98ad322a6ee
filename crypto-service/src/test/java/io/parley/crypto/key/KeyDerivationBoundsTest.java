package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.json;
import static io.parley.crypto.CryptoFixtures.pem;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.key.EncryptedKeys.declaring;
import static io.parley.crypto.key.EncryptedKeys.hmac;
import static io.parley.crypto.key.EncryptedKeys.pbes2;
import static io.parley.crypto.key.EncryptedKeys.pbkdf2;
import static io.parley.crypto.key.EncryptedKeys.salt;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ntt.NTTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * An encrypted private key declares how costly its key derivation is: declarations beyond the bounds, and schemes
 * that are not supported, are refused before anything is derived; keys as openssl writes them, up to the bounds,
 * import; decryptions beyond the concurrent bound are refused at once. The timeouts only keep a hang from stalling
 * the run.
 */
@QuarkusTest
class KeyDerivationBoundsTest {

    private static final String PASSWORD = "fixture-password";

    @Inject
    KeyDerivations derivations;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void keyDeclaringTheLargestIterationCountIsRefusedNamingPrivateKey() {
        importing(declaring(pbkdf2(Integer.MAX_VALUE, PKCSObjectIdentifiers.id_hmacWithSHA256)))
                .statusCode(400)
                .body("details.fields.field_name", contains("private_key"))
                .body("details.fields[0].description", containsString("at most 600000 PBKDF2 iterations"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eachPbkdf2HashIsBoundByItsOwnCount() {
        importing(declaring(pbkdf2(1_300_001, PKCSObjectIdentifiers.id_hmacWithSHA1))).statusCode(400)
                .body("details.fields[0].description", containsString("at most 1300000"));
        importing(declaring(pbkdf2(600_001, PKCSObjectIdentifiers.id_hmacWithSHA256))).statusCode(400)
                .body("details.fields[0].description", containsString("at most 600000"));
        importing(declaring(pbkdf2(210_001, PKCSObjectIdentifiers.id_hmacWithSHA512))).statusCode(400)
                .body("details.fields[0].description", containsString("at most 210000"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pbkdf2DeclaringALongerKeyThanAnyCipherTakesIsRefused() {
        importing(declaring(pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(salt(), 600_000, 1 << 30, hmac(PKCSObjectIdentifiers.id_hmacWithSHA256))),
                NISTObjectIdentifiers.id_aes256_CBC))).statusCode(400)
                .body("details.fields.field_name", contains("private_key"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void parametersNotOfTheDeclaredSchemesStructureAreRefusedNamingPrivateKey() {
        for (AlgorithmIdentifier scheme : new AlgorithmIdentifier[] {
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new DERSequence(new DEROctetString(salt()))),
                pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                        new DERSequence(new DEROctetString(salt()))), NISTObjectIdentifiers.id_aes256_CBC),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, DERNull.INSTANCE) }) {
            importing(declaring(scheme)).statusCode(400)
                    .body("details.fields.field_name", contains("private_key"))
                    .body("details.fields[0].description", equalTo("has malformed encryption parameters"));
        }
    }

    @Test
    void scryptIsRefusedAsNotSupported() {
        importing(pem("pkcs8-private-scrypt.pem")).statusCode(400)
                .body("details.fields.field_name", contains("private_key"))
                .body("details.fields[0].description", containsString("not supported"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pkcs12SchemeBeyondItsCountIsRefused() {
        importing(declaring(new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                new PKCS12PBEParams(salt(), Integer.MAX_VALUE)))).statusCode(400)
                .body("details.fields.field_name", contains("private_key"))
                .body("details.fields[0].description", containsString("at most 1300000"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unsupportedSchemesAreRefusedNamingPrivateKey() {
        AlgorithmIdentifier sha3 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_hmacWithSHA3_256);
        for (AlgorithmIdentifier scheme : new AlgorithmIdentifier[] {
                // PKCS#5 v1.5: single DES
                new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithMD5AndDES_CBC,
                        new PBEParameter(new byte[8], 2048)),
                // PKCS#12 with RC4
                new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4,
                        new PKCS12PBEParams(salt(), 2048)),
                // PBES2 with a hash of no bound
                pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                        new PBKDF2Params(salt(), 2048, sha3)), NISTObjectIdentifiers.id_aes256_CBC),
                // PBES2 with a cipher openssl does not write by default
                pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                        new PBKDF2Params(salt(), 2048, hmac(PKCSObjectIdentifiers.id_hmacWithSHA256))),
                        NTTObjectIdentifiers.id_camellia256_cbc),
                // PBES2 with a key derivation that is no KDF at all
                pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBES2, new PBEParameter(new byte[8], 1)),
                        NISTObjectIdentifiers.id_aes256_CBC) }) {
            importing(declaring(scheme)).statusCode(400)
                    .body("error", equalTo("RecordInvalid"))
                    .body("details.fields.field_name", contains("private_key"))
                    .body("details.fields[0].description", containsString("not supported"));
        }
    }

    @Test
    void keysAsOpensslWritesThemImportUpToTheBounds() {
        for (String fixture : new String[] { "pkcs8-private-encrypted.pem", "pkcs8-private-pkcs12-3des.pem",
                "pkcs8-private-pbkdf2-sha256-600000.pem" }) {
            createKey(root(), "\"name\": \"Imported\", \"tenant_id\": \"" + tenant()
                    + "\", \"add_type\": \"import\", \"protection_mode\": \"app\", \"public_key\": "
                    + json(pem("pkcs8-public.pem")) + ", \"private_key\": " + json(pem(fixture))
                    + ", \"private_key_password\": " + json(PASSWORD));
        }
    }

    @Test
    void importWhileTheBoundOfDerivationsIsTakenIsAskedToRetry() throws Exception {
        derivations.run(() -> {
            importing(pem("pkcs8-private-encrypted.pem")).statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("error", equalTo("ServiceUnavailable"));
            return null;
        });
        importing(pem("pkcs8-private-encrypted.pem")).statusCode(201);
    }

    private static ValidatableResponse importing(String privateKey) {
        return root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Costly\", \"tenant_id\": \"" + tenant()
                        + "\", \"add_type\": \"import\", \"protection_mode\": \"app\", \"public_key\": "
                        + json(pem("pkcs8-public.pem")) + ", \"private_key\": " + json(privateKey)
                        + ", \"private_key_password\": " + json(PASSWORD) + "}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then();
    }
}
