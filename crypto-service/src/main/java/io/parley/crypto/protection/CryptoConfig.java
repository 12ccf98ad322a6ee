package io.parley.crypto.protection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
