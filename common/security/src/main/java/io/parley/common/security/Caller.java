package io.parley.common.security;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;

/**
 * Who is calling, as the verified identity token of the current request says, with the questions the access scope
 * rules ask (docs/permissions.md). Only for requests of users: the gateway's own token names no user.
 */
@RequestScoped
public class Caller {

    public static final String ROOT = "root";
    public static final String SYSTEM = "system";
    public static final String MANAGED_GROUPS = "managed_groups";
    public static final String USER = "user";

    private final JsonWebToken token;
    private final SystemTenant systemTenant;
    private CallerIdentity identity;

    Caller(JsonWebToken token, SystemTenant systemTenant) {
        this.token = token;
        this.systemTenant = systemTenant;
    }

    /** Whether the request carries a user's token (not the gateway's own, and not none). */
    public boolean isUser() {
        return token != null && token.getRawToken() != null && token.containsClaim(IdentityToken.TENANT_ID);
    }

    /** @throws IllegalStateException when the request carries no user's token */
    public CallerIdentity identity() {
        if (identity == null) {
            if (!isUser()) {
                throw new IllegalStateException("The request carries no user's identity token");
            }
            identity = new CallerIdentity(UUID.fromString(token.getSubject()), uuid(IdentityToken.TENANT_ID),
                    uuid(IdentityToken.GROUP_ID), uuid(IdentityToken.ROLE_ID), token.getName(),
                    token.getClaim(IdentityToken.ACCESS_LEVEL),
                    strings(IdentityToken.MANAGED_GROUPS).stream().map(UUID::fromString).toList(),
                    Set.copyOf(strings(IdentityToken.PERMISSIONS)), token.getClaim(IdentityToken.TIMEZONE));
        }
        return identity;
    }

    public UUID userId() {
        return identity().userId();
    }

    public UUID tenantId() {
        return identity().tenantId();
    }

    public String accessLevel() {
        return identity().accessLevel();
    }

    public List<UUID> managedGroups() {
        return identity().managedGroups();
    }

    public boolean isRoot() {
        return ROOT.equals(accessLevel());
    }

    /** A {@code system} user of the System tenant: sees every tenant, limited by permissions. */
    public boolean isSystemWide() {
        return SYSTEM.equals(accessLevel()) && systemTenant.is(tenantId());
    }

    /** Root or system-wide: the caller's data scope has no tenant boundary. */
    public boolean seesAllTenants() {
        return isRoot() || isSystemWide();
    }

    public boolean isSystem() {
        return SYSTEM.equals(accessLevel());
    }

    public boolean isManager() {
        return MANAGED_GROUPS.equals(accessLevel());
    }

    public boolean is(UUID userId) {
        return userId != null && userId.equals(userId());
    }

    /** Whether the role grants {@code resource:operation}, e.g. {@code users:add}. */
    public boolean has(String permission) {
        return identity().permissions().contains(permission);
    }

    /** Where the caller's dates are shown; empty without a user or with a timezone Java does not know. */
    public Optional<ZoneId> timezone() {
        if (!isUser()) {
            return Optional.empty();
        }
        String zone = identity().timezone();
        return zone == null || !ZoneId.getAvailableZoneIds().contains(zone) ? Optional.empty()
                : Optional.of(ZoneId.of(zone));
    }

    private UUID uuid(String claim) {
        String value = token.getClaim(claim);
        return value == null || value.isEmpty() ? null : UUID.fromString(value);
    }

    /** An array claim's strings, as smallrye-jwt gives them: a JSON array or, for a few claims, a set. */
    private List<String> strings(String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonArray array) {
            return array.stream().filter(item -> item.getValueType() == JsonValue.ValueType.STRING)
                    .map(item -> ((JsonString) item).getString()).toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.toList());
        }
        return List.of();
    }
}
