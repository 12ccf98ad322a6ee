package io.parley.call.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.security.ForbiddenException;

/**
 * Data keys opened by crypto-service for the caller of a playback, with the caller's own identity token and key
 * secret: crypto-service decides whether this caller may open this key (grant, protection mode, tenant), so
 * call-service holds no private key and cannot open one on its own. A key opened for a user is kept in memory for a
 * minute for that user and key secret only (bounded; docs/encryption.md), so that a player's Range requests ask
 * crypto-service once; it is dropped as soon as the key's deletion or the user's grant revocation arrives on
 * {@code crypto.keys}, and a changed password (another secret) asks crypto-service again.
 */
@ApplicationScoped
public class CallerDataKeys {

    private static final Logger LOG = Logger.getLogger(CallerDataKeys.class);

    private final CryptoServiceClient crypto;
    private final Cache opened;

    CallerDataKeys(@RestClient CryptoServiceClient crypto, @CacheName("opened-data-keys") Cache opened) {
        this.crypto = crypto;
        this.opened = opened;
    }

    /**
     * One user's data key, as the cache knows it: found by a digest of the key secret the user sent, never by the
     * secret, so that another password (a reset by someone else) does not find what the old one opened.
     */
    private record Opened(UUID userId, String secretDigest, WrappedDataKey key) {
    }

    /** The opener of the caller {@code userId}, from the request's {@code Authorization} and key secret headers. */
    public DataKeyOpener of(UUID userId, String authorization, String keySecret) {
        String secretDigest = digest(keySecret);
        return (file, key) -> opened.<Opened, AudioEncryption.DataKey> get(new Opened(userId, secretDigest, key),
                ignored -> open(key, authorization, keySecret)).await().indefinitely();
    }

    /** Forgets every data key opened under the encryption key: it was deleted. */
    public void forgetKey(UUID keyId) {
        opened.invalidateIf(entry -> entry instanceof Opened o && o.key().keyId().equals(keyId)).await()
                .indefinitely();
    }

    /** Forgets the data keys the user opened under the encryption key: their grant was revoked. */
    public void forgetGrant(UUID keyId, UUID userId) {
        opened.invalidateIf(entry -> entry instanceof Opened o && o.key().keyId().equals(keyId)
                && o.userId().equals(userId)).await().indefinitely();
    }

    private static String digest(String keySecret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((keySecret == null ? "" : keySecret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private AudioEncryption.DataKey open(WrappedDataKey key, String authorization, String keySecret) {
        Map<String, String> opened;
        try {
            opened = crypto.openDataKey(key.keyId(), authorization, keySecret, Map.of("wrapped_key", key.wrapped()));
        } catch (WebApplicationException e) {
            throw refusal(e.getResponse().getStatus(), key);
        } catch (ProcessingException e) {
            LOG.warnf("crypto-service could not be asked for a data key of key %s: %s", key.keyId(), e.getMessage());
            throw unavailable();
        }
        try {
            return AudioEncryption.DataKey.of(Base64.getDecoder().decode(opened.getOrDefault("data_key", "")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.errorf("crypto-service answered a data key of key %s that is not one", key.keyId());
            throw unavailable();
        }
    }

    private static RuntimeException refusal(int status, WrappedDataKey key) {
        return switch (status) {
            case 401, 403 -> new ForbiddenException();
            case 404 -> keyDeleted();
            case 409 -> ApiException.conflict("NoPrivateKey",
                    "The recording's encryption key was imported without its private key: it is decrypted elsewhere");
            default -> {
                LOG.errorf("crypto-service answered %d for a data key of key %s", status, key.keyId());
                yield unavailable();
            }
        };
    }

    /** The answer for a recording whose encryption key was deleted. */
    public static ApiException keyDeleted() {
        return ApiException.conflict("EncryptionKeyDeleted",
                "The recording's encryption key was deleted: the recording cannot be decrypted any more");
    }

    private static ApiException unavailable() {
        return new ApiException(503, ApiError.of("ServiceUnavailable",
                "The recording is encrypted and its key cannot be opened now; try again later"));
    }
}
