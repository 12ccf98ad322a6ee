package io.parley.directory.role;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.OnCreate;
import io.parley.directory.access.Access;
import io.parley.directory.access.AccessLevel;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.Constraints;
import io.parley.directory.persistence.UniquelyNamed;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.tenant.TenantOwnership;
import io.quarkus.security.ForbiddenException;

/**
 * Role rules: a role belongs to one tenant for good, its name is unique within the tenant, its access level is one of
 * four and its permissions come from the {@link Permissions} catalog; a role users hold cannot be deleted. Every
 * change is published as an event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RoleService {

    private static final String ACCESS_LEVELS = Arrays.stream(AccessLevel.values()).map(AccessLevel::wireName)
            .collect(Collectors.joining(", "));

    private static final String TAKEN = "Role with such name exists already";
    private static final List<String> NAME_CONSTRAINTS = List.of("role_name_key", "role_normalized_name_key");
    private static final String USER_CONSTRAINT = "app_user_role_id_fkey";

    private final Outbox outbox;
    private final RoleHolders holders;
    private final Validator validator;

    RoleService(Outbox outbox, RoleHolders holders, Validator validator) {
        this.outbox = outbox;
        this.holders = holders;
        this.validator = validator;
    }

    /** The role, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Role> find(Access access, UUID id) {
        return Role.<Role> findByIdOptional(id).filter(role -> access.roles().includes(role.tenantId, role.id));
    }

    /** Roles the caller sees matching {@code term} by name, of one tenant or, with {@code tenantId} null, of all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Role> search(Access access, String term, UUID tenantId, PageRequest request, UriInfo uri) {
        return Page.of(request, PanachePages.of(Role.search(term, tenantId, access.roles())), uri);
    }

    /** A caller cannot make a role beyond its {@link GrantLimit}: higher access level, permissions it lacks. */
    public Role create(Access access, RoleInput given) {
        RoleInput input = Objects.requireNonNullElse(given, RoleInput.ABSENT);
        FieldErrors errors = new FieldErrors();
        UUID tenantId = TenantOwnership.checkOnCreate(input.tenantId(), access.writableTenantObjects(), errors);
        errors.violations(validator.validate(input, OnCreate.class, Default.class));
        validate(input, tenantId, null, errors);
        errors.throwIfAny();
        GrantLimit.checkRole(access, AccessLevel.fromWireName(input.accessLevel()).orElseThrow(),
                input.permissions());

        Role role = new Role();
        role.id = UUID.randomUUID();
        role.tenantId = tenantId;
        role.rename(input.name().strip());
        role.accessLevel = AccessLevel.fromWireName(input.accessLevel()).orElseThrow();
        role.permissions = Permissions.normalize(input.permissions());
        role.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        role.persist();
        Constraints.flushAnswering(NAME_CONSTRAINTS, RoleService::nameTaken);
        publish(DirectoryEvents.ROLE_CREATED, role.revision, RoleView.of(role));
        return role;
    }

    /**
     * Changes the fields {@code input} supplies; {@code permissions}, when supplied, replaces the dictionary. The role
     * as it will be must be within the caller's limit, as it is already: its users get what it gets.
     */
    public Role update(Access access, UUID id, RoleInput input) {
        Role role = writable(access, id);
        FieldErrors errors = new FieldErrors();
        if (input != null) {
            TenantOwnership.checkOnUpdate(input.tenantId(), role.tenantId, errors);
            errors.violations(validator.validate(input));
            validate(input, role.tenantId, role, errors);
        }
        errors.throwIfAny();

        if (input != null) {
            GrantLimit.checkRole(access,
                    input.accessLevel() == null ? role.accessLevel
                            : AccessLevel.fromWireName(input.accessLevel()).orElseThrow(),
                    input.permissions() == null ? role.permissions : input.permissions());
            if (input.name() != null) {
                role.rename(input.name().strip());
            }
            if (input.accessLevel() != null) {
                role.accessLevel = AccessLevel.fromWireName(input.accessLevel()).orElseThrow();
            }
            if (input.permissions() != null) {
                role.permissions = Permissions.normalize(input.permissions());
            }
        }
        Constraints.flushAnswering(NAME_CONSTRAINTS, RoleService::nameTaken);
        role.revision++;
        publish(DirectoryEvents.ROLE_UPDATED, role.revision, RoleView.of(role));
        return role;
    }

    /** Deletes a role no user holds; the event carries the role as it was. */
    public void delete(Access access, UUID id) {
        Role role = writable(access, id);
        long users = holders.holdersOf(id);
        if (users > 0) {
            throw ApiException.conflict("InUse",
                    "Role is held by " + users + " user(s); give them another role before deleting it");
        }
        if (Tenant.count("association.provisionRoleId", id) > 0) {
            throw ApiException.conflict("InUse",
                    "Role is its tenant's provision role; choose another one before deleting it");
        }
        RoleView before = RoleView.of(role);
        role.delete();
        Constraints.flushAnswering(USER_CONSTRAINT,
                () -> ApiException.conflict("InUse", "Role is held by users; give them another role before deleting it"));
        publish(DirectoryEvents.ROLE_DELETED, role.revision + 1, before);
    }

    /**
     * A role the caller does not see is missing; one it sees but may not change is refused, and so are, for all but
     * root, the role the caller holds (nobody raises their own role) and roles beyond the caller's {@link GrantLimit}.
     */
    private Role writable(Access access, UUID id) {
        // locked until the transaction ends: changes of one role take their revisions one after the other
        Role.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Role role = find(access, id).orElseThrow(() -> ApiException.notFound("Role"));
        if (!access.writableTenantObjects().includes(role.tenantId, role.id)
                || !access.isRoot() && access.holds(role.id)
                || !GrantLimit.allowsRole(access, role.accessLevel, role.permissions)) {
            throw new ForbiddenException();
        }
        return role;
    }

    /**
     * Checks what the input's constraints leave to the role's rules: a valid new name must be free in the role's
     * tenant ({@code tenantId} is null when the tenant is unknown and names cannot be compared), an access level one
     * of the four, permissions from the catalog.
     */
    private static void validate(RoleInput input, UUID tenantId, Role current, FieldErrors errors) {
        if (input.name() != null && !errors.has("name") && tenantId != null
                && UniquelyNamed.isNewName(current, input.name().strip())) {
            Role.findByName(tenantId, input.name().strip())
                    .filter(other -> current == null || !other.id.equals(current.id))
                    .ifPresent(other -> errors.taken("name", TAKEN));
        }
        if (input.accessLevel() != null && !errors.has("access_level")
                && AccessLevel.fromWireName(input.accessLevel()).isEmpty()) {
            errors.invalid("access_level", "must be one of " + ACCESS_LEVELS);
        }
        Permissions.validate(input.permissions(), errors);
    }

    private static ApiException nameTaken() {
        return ApiException.invalidField("name", "taken", TAKEN);
    }

    private void publish(String type, long revision, RoleView view) {
        outbox.publish(DirectoryEvents.TOPIC, view.roleId().toString(), type, DirectoryEvents.VERSION,
                view.tenantId(), revision, view.event());
    }
}
