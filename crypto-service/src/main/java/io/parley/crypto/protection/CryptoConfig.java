package io.parley.crypto.protection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The secrets and costs of key protection (docs/encryption.md, docs/configuration.md). */
@ConfigMapping(prefix = "parley.crypto")
public interface CryptoConfig {

    /**
     * The application master key that seals app-mode private keys: base64 of 32 random bytes
     * ({@code openssl rand -base64 32}). No default: production takes it from a Kubernetes Secret.
     */
    String masterKey();

    /**
     * PBKDF2-HMAC-SHA256 iterations stretching a user's secret into the key of their personal key (OWASP 2023:
     * 600000). Applies to personal keys made from now on; each keeps the count it was made with.
     */
    @WithDefault("600000")
    int pbkdf2Iterations();

    /**
     * Whether keys of 1024 up to 2048 bits are generated and imported: the reference lists 1024 as supported, but
     * such keys are too weak for recordings kept for years (NIST SP 800-131A allows 2048 at least), so only an
     * operator who must read such keys turns this on. Keys stored before stay usable either way.
     */
    @WithName("allow-1024-bit-keys")
    @WithDefault("false")
    boolean allow1024BitKeys();

    /**
     * How many imported encrypted private keys are decrypted at once; an import beyond that is answered {@code 503}
     * at once. Each decryption keeps a core busy for up to a few seconds (its key derivation).
     */
    @WithDefault("1")
    int importDerivations();
}
