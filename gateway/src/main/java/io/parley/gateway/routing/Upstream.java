package io.parley.gateway.routing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service that serves a public path: the API ({@code /api/v2}), the recorders' ({@code /recorder/v1}) or a signed
 * playback URL ({@code /calls/file/{call_id}/signed}).
 */
public enum Upstream {
    DIRECTORY,
    CALLS,
    CRYPTO;

    /** {@code /api/v2/<resource>.json} or {@code /api/v2/<resource>/...}: the resource decides the service. */
    private static final Pattern API_PATH = Pattern.compile("^/api/v2/([a-z_]+)(?:\\.json|/.*)$");
    /** A user's active call is muted by call-service, which knows the calls (reference 3.7.7). */
    private static final Pattern USER_MUTING = Pattern.compile("^/api/v2/users/[^/]+\\.json/muting$");
    /**
     * A recording's audio, or a signed URL to it: call-service decrypts with data keys crypto-service opens for the
     * caller (for a signed URL, when it is made).
     */
    private static final Pattern CALL_AUDIO = Pattern.compile("^/api/v2/calls/[^/]+\\.json/file(?:_url\\.json)?$");
    /** Recorders post their events to call-service, which owns the recorder event contract. */
    private static final Pattern RECORDER_API = Pattern.compile("^/recorder/v1/.+$");
    /** Signed playback URLs (reference 3.1.7): public, the signature is the credential; call-service checks it. */
    public static final String SIGNED_AUDIO = "^/calls/file/[^/]+/signed$";
    private static final Pattern SIGNED_AUDIO_PATH = Pattern.compile(SIGNED_AUDIO);

    /**
     * Whether requests to this path carry the caller's password-derived key secret ({@code X-Parley-Key-Secret},
     * docs/encryption.md): every request to crypto-service, and audio playback and signed playback URLs, for which
     * call-service passes it on to crypto-service.
     */
    public boolean receivesKeySecret(String path) {
        return this == CRYPTO || this == CALLS && path != null && CALL_AUDIO.matcher(path).matches();
    }

    public static Optional<Upstream> forPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (USER_MUTING.matcher(path).matches() || RECORDER_API.matcher(path).matches()
                || SIGNED_AUDIO_PATH.matcher(path).matches()) {
            return Optional.of(CALLS);
        }
        Matcher api = API_PATH.matcher(path);
        if (!api.matches()) {
            return Optional.empty();
        }
        return switch (api.group(1)) {
            case "tenants", "tenant", "groups", "roles", "users", "clients" -> Optional.of(DIRECTORY);
            case "calls" -> Optional.of(CALLS);
            case "encrypt_keys" -> Optional.of(CRYPTO);
            default -> Optional.empty();
        };
    }
}
