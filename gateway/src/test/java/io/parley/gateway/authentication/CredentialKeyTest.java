package io.parley.gateway.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CredentialKeyTest {

    private final CredentialKey.Hasher hasher = new CredentialKey.Hasher();

    @Test
    void sameCredentialsGiveTheSameKey() {
        assertEquals(hasher.keyOf(new BasicCredentials("alice", "secret")),
                hasher.keyOf(new BasicCredentials("alice", "secret")));
    }

    @Test
    void anotherPasswordOrLoginGivesAnotherKey() {
        CredentialKey key = hasher.keyOf(new BasicCredentials("alice", "secret"));
        assertNotEquals(key, hasher.keyOf(new BasicCredentials("alice", "secreT")));
        assertNotEquals(key, hasher.keyOf(new BasicCredentials("alicE", "secret")));
    }

    @Test
    void movingCharactersBetweenLoginAndPasswordGivesAnotherKey() {
        assertNotEquals(hasher.keyOf(new BasicCredentials("ab", "c")), hasher.keyOf(new BasicCredentials("a", "bc")));
    }

    @Test
    void anotherProcessKeysTheSameCredentialsDifferently() {
        BasicCredentials credentials = new BasicCredentials("alice", "secret");
        assertNotEquals(hasher.keyOf(credentials), new CredentialKey.Hasher().keyOf(credentials));
    }

    @Test
    void neitherTheKeyNorItsTextShowsThePassword() {
        CredentialKey key = hasher.keyOf(new BasicCredentials("alice", "secret"));
        assertFalse(key.digest().contains("secret"));
        assertFalse(key.toString().contains(key.digest()));
    }
}
