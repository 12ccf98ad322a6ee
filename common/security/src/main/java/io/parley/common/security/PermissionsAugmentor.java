package io.parley.common.security;

import java.security.Permission;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.common.api.identity.IdentityToken;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives the caller the permissions of the token's {@code permissions} claim ({@code users:add} and the like), so that
 * resources state what they need with {@code @PermissionsAllowed("users:add")}. A check is one set lookup per action,
 * however many permissions the role holds (a root token carries the whole catalog).
 */
@ApplicationScoped
public class PermissionsAugmentor implements SecurityIdentityAugmentor {

    private static final Uni<Boolean> GRANTED = Uni.createFrom().item(Boolean.TRUE);
    private static final Uni<Boolean> DENIED = Uni.createFrom().item(Boolean.FALSE);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = permissions(token.getClaim(IdentityToken.PERMISSIONS));
        if (granted.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(required -> grants(granted, required) ? GRANTED : DENIED).build());
    }

    /** Whether the caller holds {@code resource:action} for every action the required permission names. */
    static boolean grants(Set<String> granted, Permission required) {
        String actions = required instanceof StringPermission ? required.getActions() : null;
        if (actions == null || actions.isEmpty()) {
            return false; // a bare name would ask for every action of a resource: nothing grants that
        }
        for (String action : actions.split(StringPermission.ACTIONS_SEPARATOR)) {
            if (!granted.contains(required.getName() + ":" + action)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> permissions(Object claim) {
        Set<String> names = new HashSet<>();
        if (claim instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(name -> names.add(name.getString()));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }
}
