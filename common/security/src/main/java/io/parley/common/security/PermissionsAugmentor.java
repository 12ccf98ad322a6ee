package io.parley.common.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.common.api.identity.IdentityToken;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives the caller the permissions of the token's {@code permissions} claim ({@code users:add} and the like), so that
 * resources state what they need with {@code @PermissionsAllowed("users:add")}.
 */
@ApplicationScoped
public class PermissionsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> permissions = permissions(token.getClaim(IdentityToken.PERMISSIONS));
        if (permissions.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionsAsString(permissions).build());
    }

    private static Set<String> permissions(Object claim) {
        Set<String> names = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(name -> names.add(name.getString()));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        }
        // "resource:operation" only: a bare name would be a permission with every action
        names.removeIf(name -> name.indexOf(':') <= 0 || name.endsWith(":"));
        return names;
    }
}
