package io.parley.gateway.identity;

import java.time.Instant;

import io.parley.common.api.identity.IdentityToken;

/**
 * A signed identity token and when it was signed. Signing costs about a millisecond, so a token is reused until half
 * of its lifetime is gone: every forwarded request then carries a token valid for at least half a lifetime more.
 */
public record SignedToken(String value, Instant signedAt) {

    public boolean isFresh(Instant now) {
        return now.isBefore(signedAt.plus(IdentityToken.LIFETIME.dividedBy(2)));
    }

    /** Never shows the token, which is a credential towards the services while it lives. */
    @Override
    public String toString() {
        return "SignedToken[signedAt=" + signedAt + "]";
    }
}
