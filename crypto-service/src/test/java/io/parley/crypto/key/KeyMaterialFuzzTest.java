package io.parley.crypto.key;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;
import io.parley.crypto.key.KeyMaterial.InvalidKey;

/**
 * Fuzzes the PEM, PKCS#1 and PKCS#8 readers behind key import with mutations of the openssl fixtures, as PEM and as
 * bare base64 of the DER: whatever the text, a key or {@link InvalidKey} (a 400 naming the field), never another
 * exception. Inputs whose key derivation asks for more than {@link #MAX_FUZZED_ITERATIONS} are left out: how the
 * import bounds that work is tested where the bound is.
 */
class KeyMaterialFuzzTest {

    private static final int MAX_FUZZED_ITERATIONS = 10_000;
    private static final List<String> PASSWORDS = List.of("fixture-password", "wrong", "");

    private static final List<String> PUBLIC = List.of("pkcs1-public.pem", "pkcs1-public-x509.pem",
            "pkcs8-public.pem").stream().map(KeyMaterialFuzzTest::fixture).toList();
    private static final List<String> PRIVATE = List.of("pkcs1-private.pem", "pkcs8-private.pem",
            "pkcs1-private-encrypted.pem", "pkcs8-private-encrypted.pem").stream().map(KeyMaterialFuzzTest::fixture)
            .toList();
    private static final List<String> PEM_TOKENS = List.of("-----BEGIN ", "-----END ", "PRIVATE KEY-----",
            "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-256-CBC,00\n", "\n", "=");

    @Test
    void anyPublicKeyTextIsAKeyOrRefused() {
        FuzzInputs.check(1500, this::anyPublicKey);
    }

    @Test
    void anyPrivateKeyTextIsAKeyOrRefused() {
        FuzzInputs.check(1500, this::anyPrivateKey);
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyPublicKey(FuzzedDataProvider data) {
        try {
            KeyMaterial.readPublic(text(data, PUBLIC));
        } catch (InvalidKey e) {
            // a 400 naming public_key
        }
    }

    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyPrivateKey(FuzzedDataProvider data) {
        String text = text(data, PRIVATE);
        String password = data.pickValue(PASSWORDS);
        if (!boundedKeyDerivation(text)) {
            return;
        }
        try {
            KeyMaterial.readPrivate(text, password);
        } catch (InvalidKey e) {
            // a 400 naming private_key or private_key_password
        }
    }

    /** A mutation of a fixture's PEM text, or of its DER sent as bare base64. */
    private static String text(FuzzedDataProvider data, List<String> pems) {
        if (data.consumeBoolean()) {
            return Mutations.ofText(data, pems, PEM_TOKENS);
        }
        return Base64.getEncoder().encodeToString(Mutations.of(data, pems.stream().map(KeyMaterialFuzzTest::der)
                .toList(), List.of()));
    }

    private static boolean boundedKeyDerivation(String text) {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            if (parser.readObject() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                PBES2Parameters pbes2 = PBES2Parameters.getInstance(
                        encrypted.getEncryptionAlgorithm().getParameters());
                PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
                return kdf.getIterationCount().bitLength() < 31
                        && kdf.getIterationCount().intValue() <= MAX_FUZZED_ITERATIONS;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return true; // not an encrypted PKCS#8 key the import could derive a key for
        }
    }

    private static String fixture(String name) {
        try (InputStream in = KeyMaterialFuzzTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        String body = pem.lines().filter(line -> !line.startsWith("-----") && !line.contains(":") && !line.isBlank())
                .reduce("", String::concat);
        return Base64.getDecoder().decode(body);
    }
}
