package io.parley.crypto.key;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

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

    private record Import(String text, String password) {
    }

    @Test
    void anyPublicKeyTextIsAKeyOrRefused() {
        FuzzInputs.check(texts("pkcs1-public.pem", "pkcs1-public-x509.pem", "pkcs8-public.pem"), 1500, text -> {
            try {
                KeyMaterial.readPublic(text);
            } catch (InvalidKey e) {
                // a 400 naming public_key
            }
        });
    }

    @Test
    void anyPrivateKeyTextIsAKeyOrRefused() {
        Arbitrary<Import> imports = Combinators.combine(texts("pkcs1-private.pem", "pkcs8-private.pem",
                "pkcs1-private-encrypted.pem", "pkcs8-private-encrypted.pem"), Arbitraries.of(PASSWORDS))
                .as(Import::new).filter(KeyMaterialFuzzTest::boundedKeyDerivation);
        FuzzInputs.check(imports, 1500, input -> {
            try {
                KeyMaterial.readPrivate(input.text(), input.password());
            } catch (InvalidKey e) {
                // a 400 naming private_key or private_key_password
            }
        });
    }

    /** Mutations of the fixtures' PEM text and of their DER, sent as bare base64. */
    private static Arbitrary<String> texts(String... fixtures) {
        List<String> pems = List.of(fixtures).stream().map(KeyMaterialFuzzTest::fixture).toList();
        List<byte[]> ders = pems.stream().map(KeyMaterialFuzzTest::der).toList();
        return Arbitraries.oneOf(Mutations.ofText(pems, List.of("-----BEGIN ", "-----END ", "PRIVATE KEY-----",
                "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-256-CBC,00\n", "\n", "=")),
                Mutations.of(ders, List.of()).map(der -> Base64.getEncoder().encodeToString(der)));
    }

    private static boolean boundedKeyDerivation(Import input) {
        try (PEMParser parser = new PEMParser(new StringReader(input.text()))) {
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
