package io.parley.directory.authentication;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.directory.role.Role;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.user.PasswordHasher;
import io.parley.directory.user.User;

/**
 * Decides whether a login and password identify a user who may use the API now. A wrong password, an unknown login
 * and an account that may not sign in are indistinguishable to the caller, in answer and in time.
 */
@ApplicationScoped
public class Authenticator {

    private final PasswordHasher passwords;

    Authenticator(PasswordHasher passwords) {
        this.passwords = passwords;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CallerIdentity> authenticate(String login, String password) {
        Optional<User> user = User.findByLogin(login);
        if (user.isEmpty() || user.get().passwordHash == null) {
            passwords.spendCheckTime(password);
            return Optional.empty();
        }
        User found = user.get();
        if (!passwords.matches(password, found.passwordHash) || !found.maySignInAt(OffsetDateTime.now())) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = Tenant.findByIdOptional(found.tenantId);
        Optional<Role> role = Role.findByIdOptional(found.roleId);
        if (tenant.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        String timezone = found.timezone != null ? found.timezone : tenant.get().timezone;
        return Optional.of(new CallerIdentity(found.id, found.tenantId, found.login,
                role.get().accessLevel.wireName(), timezone));
    }
}
