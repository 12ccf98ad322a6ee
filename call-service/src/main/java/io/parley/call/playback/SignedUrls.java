package io.parley.call.playback;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;

import io.parley.call.encryption.AudioEncryption;
import io.parley.call.encryption.DataKeyOpener;
import io.parley.call.storage.AudioConfig;
import io.quarkus.security.ForbiddenException;

/**
 * Signed playback URLs (reference 3.1.7 method 1):
 * {@code /calls/file/{call_id}/signed?expires=&file_id=&keys=&key=&sign=}, where {@code sign} is the HMAC-SHA256,
 * under the signing key named by {@code key}, of the call, the file (or none), the expiry (Unix seconds), the key id
 * and the sealed data keys of encrypted files (or none). Keys come from {@code parley.audio.signed-urls.keys}
 * ({@code id:secret},
 * the first signs, all verify), so a key can be rotated without breaking URLs already handed out.
 */
@ApplicationScoped
public class SignedUrls {

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final Clock clock;

    @Inject
    SignedUrls(AudioConfig config) {
        this(config.signedUrls().keys().map(keys -> Arrays.stream(keys.split(",")).map(String::trim)
                .filter(key -> !key.isEmpty()).toList()).orElse(List.of()), Clock.systemUTC());
    }

    SignedUrls(List<String> keys, Clock clock) {
        for (String key : keys) {
            int colon = key.indexOf(':');
            if (colon < 1 || key.length() - colon - 1 < 16) {
                throw new IllegalArgumentException(
                        "A signing key is id:secret with a secret of at least 16 characters (parley.audio.signed-urls.keys)");
            }
            this.keys.put(key.substring(0, colon), key.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        }
        this.clock = clock;
    }

    public boolean configured() {
        return !keys.isEmpty();
    }

    /**
     * The URL of the call's file (or all its files), valid until {@code expires} (Unix seconds), carrying the data
     * keys of the encrypted ones sealed ({@link SealedDataKeys}).
     */
    public URI sign(URI base, UUID callId, Optional<String> fileId, long expires,
            Map<String, AudioEncryption.DataKey> dataKeys) {
        String keyId = keys.keySet().iterator().next();
        UriBuilder url = UriBuilder.fromUri(base).path("calls/file/{call}/signed").queryParam("expires", expires);
        fileId.ifPresent(file -> url.queryParam("file_id", file));
        Optional<String> sealed = dataKeys.isEmpty() ? Optional.empty()
                : Optional.of(SealedDataKeys.seal(keys.get(keyId), callId, dataKeys));
        sealed.ifPresent(value -> url.queryParam("keys", value));
        return url.queryParam("key", keyId)
                .queryParam("sign", signature(keys.get(keyId), callId, fileId, expires, keyId, sealed))
                .build(callId);
    }

    /**
     * The data keys of a signed URL, when its parameters are unaltered and it has not expired (the signature compared
     * in constant time): an opener that opens the keys the URL carries and refuses any other with {@code 403}.
     */
    public Optional<DataKeyOpener> verify(UUID callId, Optional<String> fileId, String expires, String keyId,
            Optional<String> sealedKeys, String sign) {
        if (expires == null || keyId == null || sign == null || !keys.containsKey(keyId)
                || !expires.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = signature(keys.get(keyId), callId, fileId, expiry, keyId, sealedKeys)
                .getBytes(StandardCharsets.US_ASCII);
        boolean authentic = MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.US_ASCII));
        if (!authentic || clock.instant().getEpochSecond() >= expiry) {
            return Optional.empty();
        }
        Map<String, AudioEncryption.DataKey> dataKeys = sealedKeys
                .map(sealed -> SealedDataKeys.unseal(keys.get(keyId), callId, sealed).orElseThrow(
                        () -> new IllegalStateException("A signed URL's keys do not open under its signing key")))
                .orElse(Map.of());
        DataKeyOpener opener = (file, key) -> {
            AudioEncryption.DataKey dataKey = dataKeys.get(file);
            if (dataKey == null) {
                throw new ForbiddenException(); // a file encrypted since the URL was made
            }
            return dataKey;
        };
        return Optional.of(opener);
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** Each part length-prefixed, so that no two different URLs sign the same text. */
    private static String signature(byte[] secret, UUID callId, Optional<String> fileId, long expires, String keyId,
            Optional<String> sealedKeys) {
        String file = fileId.orElse("");
        String signed = "parley-audio-v1\n" + callId + "\n" + (fileId.isPresent() ? file.length() + ":" + file : "-")
                + "\n" + expires + "\n" + keyId + "\n" + sealedKeys.orElse("-");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
