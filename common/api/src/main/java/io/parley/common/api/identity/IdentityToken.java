package io.parley.common.api.identity;

import java.time.Duration;

/**
 * The contract of the identity token: a JWT the gateway signs (RS256) for every request it forwards, sent to the
 * service as {@code Authorization: Bearer <token>}, and that every service verifies before serving anything. The
 * standard claims carry {@code sub} (user id), {@code upn} (login), {@code iss}, {@code aud}, {@code iat},
 * {@code exp}; the claims named here carry the rest of a {@link CallerIdentity}.
 */
public final class IdentityToken {

    public static final String ISSUER = "parley-gateway";
    public static final String AUDIENCE = "parley-services";

    /** How long a token is valid: long enough for a slow upload, short enough that a stolen one soon expires. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public static final String TENANT_ID = "tenant_id";
    public static final String GROUP_ID = "group_id";
    public static final String ROLE_ID = "role_id";
    public static final String ACCESS_LEVEL = "access_level";
    /** An array of group ids. */
    public static final String MANAGED_GROUPS = "managed_groups";
    /** An array of {@code resource:operation} names. */
    public static final String PERMISSIONS = "permissions";
    public static final String TIMEZONE = "timezone";

    /**
     * The {@code groups} value of the token the gateway signs for itself (subject {@code gateway}) when it calls the
     * directory's internal credential check; no user's token carries it.
     */
    public static final String GATEWAY_GROUP = "parley-gateway";

    private IdentityToken() {
    }
}
