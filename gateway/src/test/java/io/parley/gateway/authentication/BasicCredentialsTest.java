package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsLoginAndPasswordWithColonsInThePassword() {
        BasicCredentials credentials = BasicCredentials.parse("Basic " + base64("alice:pa:ss")).orElseThrow();
        assertEquals("alice", credentials.login());
        assertEquals("pa:ss", credentials.password());
    }

    @Test
    void schemeIsCaseInsensitiveAndUtf8IsDecoded() {
        BasicCredentials credentials = BasicCredentials.parse("bAsIc " + base64("zoë:pässwörd")).orElseThrow();
        assertEquals("zoë", credentials.login());
        assertEquals("pässwörd", credentials.password());
    }

    @Test
    void refusesMissingMalformedAndForeignHeaders() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("").isEmpty());
        assertTrue(BasicCredentials.parse("Basic").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!not-base64!!!").isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + base64("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + base64(":password-without-login")).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer " + base64("alice:secret")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff,
                ':', 'x' })).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + "A".repeat(5000)).isEmpty());
    }

    @Test
    void neverShowsThePassword() {
        assertFalse(BasicCredentials.parse("Basic " + base64("alice:s3cret")).orElseThrow().toString()
                .contains("s3cret"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
