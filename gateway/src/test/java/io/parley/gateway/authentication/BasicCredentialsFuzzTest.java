package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;

/**
 * Fuzzes the Authorization header reader: whatever a client sends, credentials with a login or nothing, never an
 * exception; and every login and password comes back as it was encoded.
 */
class BasicCredentialsFuzzTest {

    private static final List<String> HEADERS = List.of("Basic " + base64("alice:secret"),
            "basic " + base64("zoë:pässwörd:with:colons"), "Basic " + base64(":nologin"), "Bearer abc.def.ghi");

    @Test
    void anyHeaderGivesCredentialsWithALoginOrNothing() {
        FuzzInputs.check(3000, this::anyHeader);
    }

    @Test
    void everyLoginAndPasswordSurvivesTheRoundTrip() {
        FuzzInputs.check(1000, this::roundTrip);
    }

    @Test
    void headersAboveTheBoundAreIgnoredWithoutDecoding() {
        assertTrue(BasicCredentials.parse("Basic " + "A".repeat(1 << 20)).isEmpty());
    }

    /** Coverage-guided by Jazzer with JAZZER_FUZZ=1 (docs/fuzzing.md); the normal run checks it on seeded data. */
    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void anyHeader(FuzzedDataProvider data) {
        String header = switch (data.consumeInt(0, 2)) {
            case 0 -> Mutations.ofText(data, HEADERS, List.of("Basic ", "==", "+/"));
            case 1 -> "Basic " + base64(data.consumeString(100));
            default -> data.consumeRemainingAsString();
        };
        BasicCredentials.parse(header).ifPresent(read -> {
            assertFalse(read.login().isEmpty());
            assertFalse(read.login().contains(":"));
        });
    }

    @FuzzTest
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void roundTrip(FuzzedDataProvider data) {
        String login = wellFormed(data.consumeString(60)).replace(":", "");
        String password = wellFormed(data.consumeRemainingAsString());
        if (login.isEmpty()) {
            return;
        }
        BasicCredentials read = BasicCredentials.parse("Basic " + base64(login + ":" + password)).orElseThrow();
        assertEquals(login, read.login());
        assertEquals(password, read.password());
    }

    /** The text without unpaired surrogates, which UTF-8 cannot carry. */
    private static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\uFFFD", "");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
