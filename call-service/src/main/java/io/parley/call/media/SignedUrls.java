package io.parley.call.media;

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

/**
 * Signed playback URLs (reference 3.1.7 method 1): {@code /calls/file/{call_id}/signed?expires=&file_id=&key=&sign=},
 * where {@code sign} is the HMAC-SHA256, under the signing key named by {@code key}, of the call, the file (or none),
 * the expiry (Unix seconds) and the key id. Keys come from {@code parley.audio.signed-urls.keys} ({@code id:secret},
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

    /** The URL of the call's file (or all its files), valid until {@code expires} (Unix seconds). */
    public URI sign(URI base, UUID callId, Optional<String> fileId, long expires) {
        String keyId = keys.keySet().iterator().next();
        UriBuilder url = UriBuilder.fromUri(base).path("calls/file/{call}/signed").queryParam("expires", expires);
        fileId.ifPresent(file -> url.queryParam("file_id", file));
        return url.queryParam("key", keyId)
                .queryParam("sign", signature(keys.get(keyId), callId, fileId, expires, keyId))
                .build(callId);
    }

    /** Whether the parameters are a signed URL's, unaltered and not expired; compared in constant time. */
    public boolean verify(UUID callId, Optional<String> fileId, String expires, String keyId, String sign) {
        if (expires == null || keyId == null || sign == null || !keys.containsKey(keyId)
                || !expires.matches("\\d{1,18}")) {
            return false;
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = signature(keys.get(keyId), callId, fileId, expiry, keyId).getBytes(StandardCharsets.US_ASCII);
        boolean authentic = MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.US_ASCII));
        return authentic && clock.instant().getEpochSecond() < expiry;
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** Each part length-prefixed, so that no two different URLs sign the same text. */
    private static String signature(byte[] secret, UUID callId, Optional<String> fileId, long expires, String keyId) {
        String file = fileId.orElse("");
        String signed = "parley-audio-v1\n" + callId + "\n" + (fileId.isPresent() ? file.length() + ":" + file : "-")
                + "\n" + expires + "\n" + keyId;
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
