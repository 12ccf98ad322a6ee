package io.parley.directory.user;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.paging.PageSource;
import io.parley.common.api.text.BoundedText;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.DirectoryLimits;
import io.parley.directory.OnCreate;
import io.parley.directory.access.Access;
import io.parley.directory.persistence.Constraints;
import io.parley.directory.role.GrantLimit;
import io.parley.directory.role.Role;
import io.parley.directory.tenant.ExtensionLocks;
import io.parley.directory.tenant.SeatLicenses;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.tenant.TenantLicensing;
import io.quarkus.security.ForbiddenException;

/**
 * User rules (reference 3.7, docs/directory-rules.md): a user belongs to a group, and through it to a tenant, and
 * holds a role of that tenant; manages only groups of that tenant; logins are unique system-wide; extensions are
 * unique as the tenant's {@code extension_uniqueness} says; license seats stay within the tenant's limits. Every
 * change is published as an event in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UserService {

    /** bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Set<String> DIRECTIONS = Set.of("in", "out");
    private static final String LOGIN_CONSTRAINT = "app_user_login_key";
    /**
     * Logins are unique platform-wide and extensions may be: a refusal cannot be avoided, but its text says nothing of
     * where or whose the holder is, which may be outside the caller's scope.
     */
    private static final String LOGIN_TAKEN = "Login is not available; choose another";
    private static final String EXTENSIONS_TAKEN = "Extensions not available; choose others: ";

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final UserLinks links;
    private final SeatLicenses seats;
    private final PasswordHasher passwords;
    private final ExtensionLocks extensionLocks;
    private final Validator validator;

    UserService(Outbox outbox, EntityManager entityManager, UserLinks links, SeatLicenses seats,
            PasswordHasher passwords, ExtensionLocks extensionLocks, Validator validator) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.links = links;
        this.seats = seats;
        this.passwords = passwords;
        this.extensionLocks = extensionLocks;
        this.validator = validator;
    }

    /** The user, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> find(Access access, UUID id) {
        return visible(access, id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<User> search(PageSource<User> source, PageRequest request, UriInfo uri) {
        return Page.of(request, source, uri);
    }

    public UserView create(Access access, UserInput given) {
        UserInput input = Objects.requireNonNullElse(given, UserInput.ABSENT);
        FieldErrors errors = new FieldErrors();
        errors.violations(validator.validate(input, OnCreate.class, Default.class));
        checkManagedGroupsList(input, errors);
        User user = new User();
        user.id = UUID.randomUUID();
        user.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        save(access, user, input, errors, true);
        return publish(DirectoryEvents.USER_CREATED, user);
    }

    /**
     * Creates the root user of a new installation: in the System tenant, in no group (none exists yet), allowed to
     * log in with the configured password.
     */
    public UserView createRoot(UUID tenantId, UUID roleId, String login, String password) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.roleId = roleId;
        user.name = "Root";
        user.login = login;
        user.passwordHash = passwords.hash(password);
        user.canLogin = true;
        user.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        user.persist();
        return publish(DirectoryEvents.USER_CREATED, user);
    }

    /** Changes the fields supplied; empty when the caller sees no such user. */
    public Optional<UserView> update(Access access, UUID id, UserInput input) {
        Optional<User> found = visibleForUpdate(access, id);
        found.ifPresent(user -> {
            List<UUID> managedGroups = links.managedGroupsOf(List.of(user.id)).getOrDefault(user.id, List.of());
            mayChange(access, user, managedGroups);
            if (input != null) {
                FieldErrors errors = new FieldErrors();
                checkManagedGroupsList(input, errors);
                errors.throwIfAny();
                noRaiseOfOneself(access, user, managedGroups, input);
                errors.violations(validator.validate(input));
                save(access, user, input, errors, false);
            }
            user.revision++;
        });
        return found.map(user -> publish(DirectoryEvents.USER_UPDATED, user));
    }

    /** @return the user as it was, or empty when the caller sees no such user */
    public Optional<UserView> delete(Access access, UUID id) {
        Optional<User> found = visibleForUpdate(access, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        mayChange(access, found.get(),
                links.managedGroupsOf(List.of(id)).getOrDefault(id, List.of()));
        UserView before = view(found.get());
        found.get().delete();
        outbox.publish(DirectoryEvents.TOPIC, id.toString(), DirectoryEvents.USER_DELETED, DirectoryEvents.VERSION,
                before.tenantId(), found.get().revision + 1, before.event());
        return Optional.of(before);
    }

    private Optional<User> visible(Access access, UUID id) {
        return User.<User> findByIdOptional(id)
                .filter(user -> access.users().includes(user.id, user.tenantId, user.groupId));
    }

    /** The user, locked until the transaction ends: changes of one user take their revisions one after the other. */
    private Optional<User> visibleForUpdate(Access access, UUID id) {
        User.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return visible(access, id);
    }

    /**
     * Nobody but root changes or deletes a user beyond the caller's {@link GrantLimit}: whoever could set their
     * password could act as them. Oneself is no such user: one already acts as oneself, and cannot change one's own
     * role or managed groups.
     */
    private static void mayChange(Access access, User user, List<UUID> managedGroups) {
        if (!user.id.equals(access.userId())) {
            GrantLimit.checkUser(access, Role.findById(user.roleId), user.tenantId, managedGroups);
        }
    }

    /** A caller, root aside, cannot change its own role or managed groups: that is how one would raise oneself. */
    private static void noRaiseOfOneself(Access access, User user, List<UUID> managedGroups, UserInput input) {
        if (access.isRoot() || !user.id.equals(access.userId())) {
            return;
        }
        boolean otherRole = input.roleId() != null && !input.roleId().equals(user.roleId);
        boolean otherGroups = input.managedGroups() != null
                && !Set.copyOf(input.managedGroups()).equals(Set.copyOf(managedGroups));
        if (otherRole || otherGroups) {
            throw new ForbiddenException();
        }
    }

    /**
     * Checks every supplied field against what the input's constraints leave to the user's rules (in {@code errors}
     * already), then applies them: a 400 leaves nothing changed.
     */
    private void save(Access access, User user, UserInput input, FieldErrors errors, boolean creating) {
        UUID tenantId = creating ? null : user.tenantId;
        if (input.groupId() != null) {
            // a group outside what the caller may put users in reads as a missing one
            Optional<UUID> groupTenant = tenantOfGroup(input.groupId())
                    .filter(tenant -> access.userGroups().includes(tenant, input.groupId()));
            if (groupTenant.isEmpty()) {
                errors.invalid("group_id", "is not an existing group");
            } else if (tenantId != null && !tenantId.equals(groupTenant.get())) {
                errors.invalid("group_id", "belongs to another tenant: a user cannot move between tenants");
            } else {
                tenantId = groupTenant.get();
            }
        }
        if (tenantId != null) {
            checkReferences(access, input, tenantId, errors);
        }
        if (input.email() != null && !input.email().isBlank() && !input.email().contains("@")) {
            errors.invalid("email", "is not an email address");
        }
        List<String> extensions = checkRecording(input.fieldsetRecording(), errors);
        checkLogin(user, input.fieldsetLogin(), errors);
        errors.throwIfAny();

        if (extensions != null && tenantId != null) {
            // no index can hold this rule (it depends on both tenants' settings): the lock makes the check final
            extensionLocks.lockForAssigning(extensions);
            List<String> conflicts = links.conflictingExtensions(user.id, tenantId, extensions);
            if (!conflicts.isEmpty()) {
                errors.taken("fieldset_recording.extensions",
                        EXTENSIONS_TAKEN + String.join(", ", conflicts));
            }
        }
        errors.throwIfAny();

        user.tenantId = tenantId;
        apply(user, input);
        checkSeats(user, errors);
        errors.throwIfAny();
        if (creating) {
            user.persist();
        }
        // a request that raced this one past the login check is stopped by the index and answered like the check
        Constraints.flushAnswering(LOGIN_CONSTRAINT,
                () -> ApiException.invalidField("fieldset_login.login", "taken", LOGIN_TAKEN));
        if (extensions != null) {
            links.replaceExtensions(user.id, extensions);
        }
        if (input.managedGroups() != null) {
            links.replaceManagedGroups(user.id, List.copyOf(new LinkedHashSet<>(input.managedGroups())));
        }
    }

    private void checkReferences(Access access, UserInput input, UUID tenantId, FieldErrors errors) {
        if (input.roleId() != null) {
            Role role = Role.findById(input.roleId());
            if (role == null || !role.tenantId.equals(tenantId)) {
                errors.invalid("role_id", "is not a role of the user's tenant");
            } else {
                GrantLimit.checkRole(access, role.accessLevel, role.permissions);
            }
        }
        if (input.managedGroups() != null && !errors.has("managed_groups")) {
            // a group outside what the caller may put users in reads as a missing one
            Map<UUID, UUID> tenants = tenantsOfGroups(input.managedGroups());
            boolean outside = input.managedGroups().stream().anyMatch(group -> !tenantId.equals(tenants.get(group))
                    || !access.userGroups().includes(tenantId, group));
            if (outside) {
                errors.invalid("managed_groups", "contains a group that is not a group of the user's tenant");
            }
        }
    }

    /** No null entries, which no lookup could take. */
    private static void checkManagedGroupsList(UserInput input, FieldErrors errors) {
        if (input.managedGroups() != null && input.managedGroups().contains(null)) {
            errors.invalid("managed_groups", "must be a list of group ids, without null");
        }
    }

    /**
     * Record directions, a non-empty list of {@code in} and {@code out}; extensions, each a number of at most
     * {@link DirectoryLimits#NUMBER_BYTES}, stored stripped and once.
     *
     * @return the cleaned extension list when one was supplied, otherwise {@code null}
     */
    private static List<String> checkRecording(UserInput.Recording recording, FieldErrors errors) {
        if (recording == null) {
            return null;
        }
        if (recording.recordDirection() != null && (recording.recordDirection().isEmpty()
                || !DIRECTIONS.containsAll(recording.recordDirection()))) {
            errors.invalid("fieldset_recording.record_direction", "must be a list of in, out");
        }
        String field = "fieldset_recording.extensions";
        if (recording.extensions() == null || errors.has(field)) {
            return null;
        }
        List<String> extensions = new ArrayList<>();
        for (String extension : recording.extensions()) {
            String clean = extension == null ? "" : extension.strip();
            if (clean.isEmpty() || !BoundedText.fits(clean, DirectoryLimits.NUMBER_BYTES)) {
                errors.invalid(field, "entries must not be empty, and each "
                        + BoundedText.rule(DirectoryLimits.NUMBER_BYTES));
            } else if (!extensions.contains(clean)) {
                extensions.add(clean);
            }
        }
        return extensions;
    }

    private void checkLogin(User user, UserInput.Login login, FieldErrors errors) {
        if (login == null) {
            return;
        }
        if (login.login() != null && !login.login().isEmpty() && !errors.has("fieldset_login.login")) {
            if (login.login().contains(":") || !login.login().equals(login.login().strip())) {
                errors.invalid("fieldset_login.login", "must not contain a colon or surrounding spaces");
            } else if (User.findByLogin(login.login()).filter(other -> !other.id.equals(user.id)).isPresent()) {
                errors.taken("fieldset_login.login", LOGIN_TAKEN);
            }
        }
        if (login.password() != null && (login.password().isEmpty()
                || login.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            errors.invalid("fieldset_login.password", "must be 1 to " + MAX_PASSWORD_BYTES + " bytes");
        }
        boolean canLogin = login.canLogin() != null ? login.canLogin() : user.canLogin;
        String loginName = login.login() != null ? login.login() : user.login;
        boolean hasPassword = login.password() != null || user.passwordHash != null;
        String type = login.authenticateType() != null ? login.authenticateType() : user.authenticateType;
        if (canLogin && (loginName == null || loginName.isEmpty())) {
            errors.blank("fieldset_login.login");
        }
        if (canLogin && "password".equals(type) && !hasPassword) {
            errors.blank("fieldset_login.password");
        }
    }

    private void apply(User user, UserInput input) {
        if (input.name() != null) {
            user.name = input.name().strip();
        }
        if (input.groupId() != null) {
            user.groupId = input.groupId();
        }
        if (input.roleId() != null) {
            user.roleId = input.roleId();
        }
        if (input.isActive() != null) {
            user.active = input.isActive();
        }
        if (input.email() != null) {
            user.email = input.email().strip();
        }
        if (input.timezone() != null) {
            user.timezone = input.timezone().map(String::strip).filter(zone -> !zone.isEmpty()).orElse(null);
        }
        UserInput.Login login = input.fieldsetLogin();
        if (login != null) {
            if (login.canLogin() != null) {
                user.canLogin = login.canLogin();
            }
            if (login.login() != null) {
                user.login = login.login().isEmpty() ? null : login.login();
            }
            if (login.password() != null) {
                user.passwordHash = passwords.hash(login.password());
            }
            if (login.authenticateType() != null) {
                user.authenticateType = login.authenticateType();
            }
            if (login.mustChangePassword() != null) {
                user.mustChangePassword = login.mustChangePassword();
            }
            if (login.validTill() != null) {
                user.validTill = login.validTill().orElse(null);
            }
        }
        UserInput.Recording recording = input.fieldsetRecording();
        if (recording != null) {
            if (recording.record() != null) {
                user.record = recording.record();
            }
            if (recording.confidential() != null) {
                user.confidential = recording.confidential();
            }
            if (recording.recordDirection() != null) {
                user.recordDirection = new LinkedHashSet<>(recording.recordDirection()).toArray(String[]::new);
            }
            if (recording.onDemandDefault() != null) {
                user.onDemandDefault = recording.onDemandDefault().orElse(null);
            }
        }
        UserInput.Licensing licensing = input.fieldsetLicensing();
        if (licensing != null) {
            if (licensing.recordingSeat() != null) {
                user.recordingSeat = licensing.recordingSeat();
            }
            if (licensing.monitoringSeat() != null) {
                user.monitoringSeat = licensing.monitoringSeat();
            }
            if (licensing.evaluationSeat() != null) {
                user.evaluationSeat = licensing.evaluationSeat();
            }
        }
    }

    /**
     * Seats the user holds must fit the tenant's limits. The tenant row is locked, and its limits read as committed
     * then, so that two requests cannot both take the last seat, nor a seat be taken while the limit is lowered
     * (TenantService locks the same row).
     */
    private void checkSeats(User user, FieldErrors errors) {
        if (!user.recordingSeat && !user.monitoringSeat && !user.evaluationSeat) {
            return;
        }
        Tenant tenant = Tenant.lockedForUpdate(entityManager.find(Tenant.class, user.tenantId));
        TenantLicensing limits = tenant.licensing;
        checkSeat(user, user.recordingSeat, limits.recordingSeats, SeatLicenses.Seat.RECORDING, errors);
        checkSeat(user, user.monitoringSeat, limits.monitoringSeats, SeatLicenses.Seat.MONITORING, errors);
        checkSeat(user, user.evaluationSeat, limits.evaluationSeats, SeatLicenses.Seat.EVALUATION, errors);
    }

    private void checkSeat(User user, boolean holds, Integer limit, SeatLicenses.Seat seat, FieldErrors errors) {
        if (holds && limit != null && seats.holders(user.tenantId, seat, user.id) >= limit) {
            errors.invalid("fieldset_licensing." + seat.userField,
                    "The tenant's " + limit + " " + seat.tenantField.replace('_', ' ') + " are all taken");
        }
    }

    /** The tenant of each of the groups that exists, in one query. */
    private Map<UUID, UUID> tenantsOfGroups(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id, tenant_id FROM user_group WHERE id IN (:groups)", Object[].class)
                .setParameter("groups", Set.copyOf(groupIds)).getResultList();
        Map<UUID, UUID> tenants = new HashMap<>();
        rows.forEach(row -> tenants.put((UUID) row[0], (UUID) row[1]));
        return tenants;
    }

    private Optional<UUID> tenantOfGroup(UUID groupId) {
        List<?> rows = entityManager.createNativeQuery("SELECT tenant_id FROM user_group WHERE id = :group")
                .setParameter("group", groupId).getResultList();
        return rows.stream().map(UUID.class::cast).findFirst();
    }

    UserView view(User user) {
        return UserView.of(user, links.extensionsOf(List.of(user.id)).getOrDefault(user.id, List.of()),
                links.managedGroupsOf(List.of(user.id)).getOrDefault(user.id, List.of()));
    }

    private UserView publish(String type, User user) {
        UserView view = view(user);
        outbox.publish(DirectoryEvents.TOPIC, user.id.toString(), type, DirectoryEvents.VERSION, user.tenantId,
                user.revision, view.event());
        return view;
    }
}
