package io.parley.crypto.grant;

/** The user to grant a key to: {@code {"user": {"user_id": ...}}} (reference 3.3.6). Kept as text to name it in a 400. */
public record GrantInput(String userId) {

    public record Document(GrantInput user) {
    }
}
