package io.parley.gateway.identity;

import java.util.function.Supplier;

import io.parley.common.api.identity.CallerIdentity;

/**
 * One identity's token, signed on first use and signed again once it is no longer fresh. Two requests may both renew
 * it at the same moment; either token is valid, so no lock is taken.
 */
public final class RenewingToken {

    private final IdentityTokenSigner signer;
    private final Supplier<SignedToken> signing;
    private volatile SignedToken current;

    private RenewingToken(IdentityTokenSigner signer, Supplier<SignedToken> signing) {
        this.signer = signer;
        this.signing = signing;
    }

    public static RenewingToken forCaller(IdentityTokenSigner signer, CallerIdentity caller) {
        return new RenewingToken(signer, () -> signer.sign(caller));
    }

    public static RenewingToken forGateway(IdentityTokenSigner signer) {
        return new RenewingToken(signer, signer::signForGateway);
    }

    /** The value for {@code Authorization: Bearer ...}. */
    public String value() {
        SignedToken token = current;
        if (token == null || !token.isFresh(signer.now())) {
            token = signing.get();
            current = token;
        }
        return token.value();
    }
}
