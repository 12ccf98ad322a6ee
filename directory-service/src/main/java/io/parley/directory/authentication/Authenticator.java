package io.parley.directory.authentication;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.directory.access.AccessLevel;
import io.parley.directory.group.Group;
import io.parley.directory.role.Permissions;
import io.parley.directory.role.Role;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.user.PasswordHasher;
import io.parley.directory.user.User;
import io.parley.directory.user.UserLinks;

/**
 * Decides whether a login and password identify a user who may use the API now, and answers who that user is. A
 * wrong password, an unknown login and an account that may not sign in are indistinguishable to the caller, in answer
 * and in time.
 */
@ApplicationScoped
public class Authenticator {

    private final PasswordHasher passwords;
    private final UserLinks links;
    private final String systemTimezone;

    Authenticator(PasswordHasher passwords, UserLinks links,
            @ConfigProperty(name = "parley.default-timezone", defaultValue = "UTC") String systemTimezone) {
        this.passwords = passwords;
        this.links = links;
        this.systemTimezone = systemTimezone;
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
        Group group = found.groupId == null ? null : Group.findById(found.groupId);
        List<UUID> managedGroups = role.get().accessLevel == AccessLevel.MANAGED_GROUPS
                ? links.managedGroupsOf(List.of(found.id)).getOrDefault(found.id, List.of())
                : List.of();
        return Optional.of(new CallerIdentity(found.id, found.tenantId, found.groupId, found.roleId, found.login,
                role.get().accessLevel.wireName(), managedGroups, permissionsOf(role.get()),
                timezoneOf(found, group, tenant.get())));
    }

    /** A root role may do everything; the other roles what their permissions dictionary lists. */
    private static Set<String> permissionsOf(Role role) {
        Map<String, List<String>> granted = role.accessLevel == AccessLevel.ROOT ? Permissions.CATALOG
                : role.permissions;
        Set<String> names = new LinkedHashSet<>();
        granted.forEach((resource, operations) -> operations.forEach(operation -> names.add(resource + ":"
                + operation)));
        return names;
    }

    private String timezoneOf(User user, Group group, Tenant tenant) {
        if (user.timezone != null && !user.timezone.isEmpty()) {
            return user.timezone;
        }
        if (group != null && group.timezone != null && !group.timezone.isEmpty()) {
            return group.timezone;
        }
        if (tenant.timezone != null && !tenant.timezone.isEmpty()) {
            return tenant.timezone;
        }
        return systemTimezone;
    }
}
