package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.pem;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Measures reading an imported encrypted private key ({@link KeyMaterial#readPrivate}, where an import spends its
 * time): refusing a file that declares 2^31-1 PBKDF2 iterations, and decrypting keys at each bound of
 * {@link KeyDerivationBounds}, against the key as openssl writes it by default (2,048 iterations) in the same run.
 * Medians of a few rounds (the machine is shared). Not part of the default test run; run it with
 * {@code ./mvnw -pl crypto-service -am verify -Dtest=KeyImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KeyImportBenchmark {

    private static final Logger LOG = Logger.getLogger(KeyImportBenchmark.class);
    private static final String PASSWORD = "fixture-password";
    private static final int ROUNDS = 3;

    @Test
    void refusingAndDecryptingAtTheBounds() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("openssl default: PBKDF2-HMAC-SHA-256, 2,048 iterations", pem("pkcs8-private-encrypted.pem"));
        files.put("declares 2^31-1 iterations (refused)",
                EncryptedKeys.declaring(EncryptedKeys.pbkdf2(Integer.MAX_VALUE, PKCSObjectIdentifiers.id_hmacWithSHA256)));
        files.put("PBKDF2-HMAC-SHA-1, 1,300,000", pem("pkcs8-private-pbkdf2-sha1-1300000.pem"));
        files.put("PBKDF2-HMAC-SHA-256, 600,000", pem("pkcs8-private-pbkdf2-sha256-600000.pem"));
        files.put("PBKDF2-HMAC-SHA-512, 210,000", pem("pkcs8-private-pbkdf2-sha512-210000.pem"));
        files.put("PKCS#12 SHA-1 3DES, 1,300,000", pem("pkcs8-private-pkcs12-3des-1300000.pem"));
        StringBuilder table = new StringBuilder("\n| File | ms (median of " + ROUNDS + ") |\n|---|---|\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            double[] millis = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                try {
                    KeyMaterial.readPrivate(file.getValue(), PASSWORD);
                } catch (KeyMaterial.InvalidKey refused) {
                    // the refusal is what is measured
                }
                millis[round] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            table.append("| ").append(file.getKey()).append(" | ")
                    .append(String.format("%.1f", millis[ROUNDS / 2])).append(" |\n");
        }
        LOG.info(table);
    }
}
