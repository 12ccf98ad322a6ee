package io.parley.crypto.grant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The user to grant a key to: {@code {"user": {"user_id": ...}}} (reference 3.3.6). Kept as text to name it in a 400. */
public record GrantInput(String userId) {

    @Schema(name = "GrantInputDocument")
    public record Document(GrantInput user) {
    }
}
