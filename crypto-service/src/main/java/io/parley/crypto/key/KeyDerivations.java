package io.parley.crypto.key;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import io.parley.common.api.error.ApiException;
import io.parley.crypto.protection.CryptoConfig;

/**
 * Bounds how many imported private keys are decrypted at once ({@code parley.crypto.import-derivations}): each
 * derivation may keep a core busy for seconds within {@link KeyDerivationBounds}, so a few imports at once must not
 * take every core from playback. An import beyond the bound is refused at once with {@code 503} and
 * {@code Retry-After} rather than queued, because it waits inside its transaction, holding a database connection.
 */
@ApplicationScoped
class KeyDerivations implements KeyMaterial.Derivation {

    private final Semaphore running;

    KeyDerivations(CryptoConfig config) {
        this.running = new Semaphore(Math.max(1, config.importDerivations()));
    }

    @Override
    public PrivateKeyInfo run(Callable<PrivateKeyInfo> decryption) throws Exception {
        if (!running.tryAcquire()) {
            throw ApiException.unavailable("Other imported keys are being decrypted now; try again in a moment");
        }
        try {
            return decryption.call();
        } finally {
            running.release();
        }
    }
}
