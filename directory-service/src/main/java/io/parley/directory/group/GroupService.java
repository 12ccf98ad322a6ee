package io.parley.directory.group;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.Constraints;
import io.parley.directory.persistence.UniquelyNamed;
import io.parley.directory.tenant.Tenant;
import io.parley.directory.tenant.TenantOwnership;
import io.quarkus.security.ForbiddenException;

/**
 * Group rules: a group belongs to one tenant for good, its name is unique within the tenant, its timezone is a real
 * IANA name; a group with users cannot be deleted. Every change is published as an event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class GroupService {

    private static final String TAKEN = "Group with such name exists already";
    private static final List<String> NAME_CONSTRAINTS = List.of("user_group_name_key", "user_group_normalized_name_key");
    private static final String USER_CONSTRAINT = "app_user_group_id_fkey";

    private final Outbox outbox;
    private final GroupMembers members;
    private final Validator validator;

    GroupService(Outbox outbox, GroupMembers members, Validator validator) {
        this.outbox = outbox;
        this.members = members;
        this.validator = validator;
    }

    /** The group, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Group> find(Access access, UUID id) {
        return Group.<Group> findByIdOptional(id).filter(group -> access.groups().includes(group.tenantId, group.id));
    }

    /** Groups the caller sees matching {@code term} by name, of one tenant or, with {@code tenantId} null, of all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Group> search(Access access, String term, UUID tenantId, PageRequest request, UriInfo uri) {
        return Page.of(request, PanachePages.of(Group.search(term, tenantId, access.groups())), uri);
    }

    public Group create(Access access, GroupInput given) {
        GroupInput input = Objects.requireNonNullElse(given, GroupInput.ABSENT);
        FieldErrors errors = new FieldErrors();
        UUID tenantId = TenantOwnership.checkOnCreate(input.tenantId(), access.writableTenantObjects(), errors);
        errors.violations(validator.validate(input, OnCreate.class, Default.class));
        checkNameFree(input, tenantId, null, errors);
        errors.throwIfAny();

        Group group = new Group();
        group.id = UUID.randomUUID();
        group.tenantId = tenantId;
        group.rename(input.name().strip());
        group.timezone = blankToNull(input.timezone());
        group.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        group.persist();
        Constraints.flushAnswering(NAME_CONSTRAINTS, GroupService::nameTaken);
        publish(DirectoryEvents.GROUP_CREATED, group.revision, GroupView.of(group));
        return group;
    }

    /** Changes the fields {@code input} supplies. */
    public Group update(Access access, UUID id, GroupInput input) {
        Group group = writable(access, id);
        FieldErrors errors = new FieldErrors();
        if (input != null) {
            TenantOwnership.checkOnUpdate(input.tenantId(), group.tenantId, errors);
            errors.violations(validator.validate(input));
            checkNameFree(input, group.tenantId, group, errors);
        }
        errors.throwIfAny();

        if (input != null) {
            if (input.name() != null) {
                group.rename(input.name().strip());
            }
            if (input.timezone() != null) {
                group.timezone = blankToNull(input.timezone());
            }
        }
        Constraints.flushAnswering(NAME_CONSTRAINTS, GroupService::nameTaken);
        group.revision++;
        publish(DirectoryEvents.GROUP_UPDATED, group.revision, GroupView.of(group));
        return group;
    }

    /** Deletes a group without users; the event carries the group as it was. */
    public void delete(Access access, UUID id) {
        Group group = writable(access, id);
        long users = members.membersOf(id);
        if (users > 0) {
            throw ApiException.conflict("InUse",
                    "Group has " + users + " user(s); move them to another group before deleting it");
        }
        long managers = members.managersOf(id);
        if (managers > 0) {
            throw ApiException.conflict("InUse",
                    "Group is managed by " + managers + " user(s); remove it from their managed groups first");
        }
        if (Tenant.count("association.provisionGroupId", id) > 0) {
            throw ApiException.conflict("InUse",
                    "Group is its tenant's provision group; choose another one before deleting it");
        }
        GroupView before = GroupView.of(group);
        group.delete();
        Constraints.flushAnswering(USER_CONSTRAINT,
                () -> ApiException.conflict("InUse", "Group has users; move them to another group before deleting it"));
        publish(DirectoryEvents.GROUP_DELETED, group.revision + 1, before);
    }

    /** A group the caller does not see is missing; one it sees but may not change is refused. */
    private Group writable(Access access, UUID id) {
        // locked until the transaction ends: changes of one group take their revisions one after the other
        Group.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Group group = find(access, id).orElseThrow(() -> ApiException.notFound("Group"));
        if (!access.writableTenantObjects().includes(group.tenantId, group.id)) {
            throw new ForbiddenException();
        }
        return group;
    }

    /**
     * A valid new name must be free in the group's tenant; {@code tenantId} is null when the tenant is unknown and
     * names cannot be compared.
     */
    private static void checkNameFree(GroupInput input, UUID tenantId, Group current, FieldErrors errors) {
        if (input.name() != null && !errors.has("name") && tenantId != null
                && UniquelyNamed.isNewName(current, input.name().strip())) {
            Group.findByName(tenantId, input.name().strip())
                    .filter(other -> current == null || !other.id.equals(current.id))
                    .ifPresent(other -> errors.taken("name", TAKEN));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApiException nameTaken() {
        return ApiException.invalidField("name", "taken", TAKEN);
    }

    private void publish(String type, long revision, GroupView view) {
        outbox.publish(DirectoryEvents.TOPIC, view.groupId().toString(), type, DirectoryEvents.VERSION,
                view.tenantId(), revision, view.event());
    }
}
