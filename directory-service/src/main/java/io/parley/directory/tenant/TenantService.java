package io.parley.directory.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.condition.ConditionException;
import io.parley.common.api.condition.ConditionParser;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.directory.TenantData;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.OnCreate;
import io.parley.directory.access.Access;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.Constraints;
import io.parley.directory.persistence.UniquelyNamed;
import io.quarkus.security.ForbiddenException;

/**
 * Tenant rules (reference 3.6, docs/directory-rules.md): names unique system-wide, timezones IANA names, license
 * limits from 0 (null or -1: no limit), call association settings complete for the chosen mode, provisioning into a
 * group and role of the tenant itself. Every change is published as an event in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TenantService {

    private static final String ASSOCIATE = "fieldset_associate_calls.";
    private static final String CONDITION = "associate_calls_condition";
    private static final String LICENSING = "fieldset_licensing.";
    private static final List<String> NAME_CONSTRAINTS = List.of("tenant_name_key", "tenant_normalized_name_key");
    private static final String NAME_TAKEN = "Tenant with such name exists already";

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final SeatLicenses seats;
    private final ExtensionSharing extensionSharing;
    private final ExtensionLocks extensionLocks;
    private final OwnedObjectDeletions ownedObjects;
    private final Validator validator;

    TenantService(Outbox outbox, EntityManager entityManager, SeatLicenses seats, ExtensionSharing extensionSharing,
            ExtensionLocks extensionLocks, OwnedObjectDeletions ownedObjects, Validator validator) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.seats = seats;
        this.extensionSharing = extensionSharing;
        this.extensionLocks = extensionLocks;
        this.ownedObjects = ownedObjects;
        this.validator = validator;
    }

    /** The tenant, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tenant> find(Access access, UUID id) {
        return Tenant.<Tenant> findByIdOptional(id).filter(tenant -> access.tenants().includes(tenant.id, tenant.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Tenant> search(Access access, String term, PageRequest request, UriInfo uri) {
        return Page.of(request, PanachePages.of(Tenant.search(term, access.tenants())), uri);
    }

    /** Only root and system-wide callers create tenants. */
    public Tenant create(Access access, TenantInput input) {
        if (!access.writableTenants().all()) {
            throw new ForbiddenException();
        }
        return create(input, false);
    }

    /** Creates the System tenant of a new installation. */
    public Tenant createSystemTenant(String name) {
        return create(TenantInput.named(name), true);
    }

    /**
     * Publishes again, at the next revision, the state of the tenants marked for it (V9__announce_again.sql), and
     * clears their marks. The rows stay locked until the commit: instances starting together publish once.
     */
    public void announceAgain() {
        List<Tenant> marked = Tenant.<Tenant> find("announceAgain", true).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (Tenant tenant : marked) {
            tenant.announceAgain = false;
            tenant.revision++;
            publish(DirectoryEvents.TENANT_UPDATED, tenant);
        }
    }

    private Tenant create(TenantInput input, boolean system) {
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.system = system;
        tenant.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        checkAndApply(Objects.requireNonNullElse(input, TenantInput.named(null)), tenant, OnCreate.class,
                Default.class);
        tenant.persist();
        flushAnsweringNameTaken();
        publish(DirectoryEvents.TENANT_CREATED, tenant);
        return tenant;
    }

    /** Changes the fields the input supplies; empty when the caller sees no such tenant. */
    public Optional<Tenant> update(Access access, UUID id, TenantInput input) {
        if (switchesToSystemwide(input)) {
            // first in the transaction: ExtensionLocks is taken before any row lock
            extensionLocks.lockForSwitchingToSystemwide();
        }
        // the row lock serializes changes of the tenant (their revisions) and holds the seat holders counted below:
        // users take seats holding it (UserService)
        Optional<Tenant> found = findForUpdate(access, id);
        found.ifPresent(tenant -> {
            mayChange(access, tenant);
            checkAndApply(input, tenant, Default.class);
            flushAnsweringNameTaken();
            tenant.revision++;
            publish(DirectoryEvents.TENANT_UPDATED, tenant);
        });
        return found;
    }

    /**
     * Deletes a tenant and, in the same transaction, everything it owns (groups, roles, users, clients), publishing
     * the deletion of each ({@link OwnedObjectDeletions}) and the tenant's own. The System tenant cannot be deleted.
     *
     * @return the tenant as it was, or empty when the caller sees no such tenant
     */
    public Optional<TenantView> delete(Access access, UUID id) {
        Optional<Tenant> found = findForUpdate(access, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tenant tenant = found.get();
        mayChange(access, tenant);
        if (tenant.system) {
            throw ApiException.conflict("InvalidState", "The System tenant holds the root user and cannot be deleted");
        }
        TenantView before = TenantView.of(tenant);
        ownedObjects.publishDeletions(tenant.id);
        tenant.delete();
        publish(DirectoryEvents.TENANT_DELETED, tenant.revision + 1, before.event(tenant.system));
        return Optional.of(before);
    }

    /**
     * The tenant, locked until the transaction ends so that changes of one tenant happen, and take their revisions,
     * one after the other.
     */
    private Optional<Tenant> findForUpdate(Access access, UUID id) {
        Tenant.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return find(access, id);
    }

    /** A tenant the caller sees but may not change (its own, for a tenant's administrators) is refused. */
    private static void mayChange(Access access, Tenant tenant) {
        if (!access.writableTenants().includes(tenant.id, tenant.id)) {
            throw new ForbiddenException();
        }
    }

    /**
     * Checks the input before anything changes (its constraints in the validation groups given, then what depends on
     * other rows), applies it, then checks that the resulting settings hang together. A failure at any step is a 400
     * and, thrown inside the transaction, leaves nothing changed.
     */
    private void checkAndApply(TenantInput input, Tenant tenant, Class<?>... groups) {
        FieldErrors errors = new FieldErrors();
        if (input != null) {
            errors.violations(validator.validate(input, groups));
            checkFields(input, tenant, errors);
        }
        errors.throwIfAny();
        if (input == null) {
            return;
        }
        apply(input, tenant);
        checkAssociation(tenant.association, errors);
        errors.throwIfAny();
    }

    /** What the input's constraints leave to the tenant's rules: other rows, held seats, conditions that parse. */
    private void checkFields(TenantInput input, Tenant tenant, FieldErrors errors) {
        if (input.name() != null && !errors.has("name")) {
            String name = input.name().strip();
            if (UniquelyNamed.isNewName(tenant, name)
                    && Tenant.findByName(name).filter(other -> !other.id.equals(tenant.id)).isPresent()) {
                errors.taken("name", NAME_TAKEN);
            }
        }
        if (input.fieldsetLicensing() != null) {
            TenantInput.Licensing limits = input.fieldsetLicensing();
            checkHeldSeats(tenant, SeatLicenses.Seat.RECORDING, limits.recordingSeats(), errors);
            checkHeldSeats(tenant, SeatLicenses.Seat.MONITORING, limits.monitoringSeats(), errors);
            checkHeldSeats(tenant, SeatLicenses.Seat.EVALUATION, limits.evaluationSeats(), errors);
        }
        TenantInput.AssociateCalls association = input.fieldsetAssociateCalls();
        if (association != null) {
            if ("systemwide".equals(association.extensionUniqueness())
                    && !"systemwide".equals(tenant.association.extensionUniqueness)
                    && extensionSharing.tenantSharesExtensionsWithOthers(tenant.id)) {
                errors.invalid(ASSOCIATE + "extension_uniqueness",
                        "users of this tenant share extensions with users of other tenants");
            }
            if (!errors.has(ASSOCIATE + CONDITION)) {
                checkCondition(association.associateCallsCondition(), errors);
            }
            present(association.provisionGroupId()).filter(group -> !ownedBy("user_group", group, tenant.id))
                    .ifPresent(group -> errors.invalid(ASSOCIATE + "provision_group_id",
                            "is not a group of this tenant"));
            present(association.provisionRoleId()).filter(role -> !ownedBy("role", role, tenant.id))
                    .ifPresent(role -> errors.invalid(ASSOCIATE + "provision_role_id",
                            "is not a role of this tenant"));
        }
    }

    private static void apply(TenantInput input, Tenant tenant) {
        if (input.name() != null) {
            tenant.rename(input.name().strip());
        }
        if (input.timezone() != null) {
            tenant.timezone = input.timezone().map(String::strip).filter(zone -> !zone.isEmpty()).orElse(null);
        }
        if (input.encryptData() != null) {
            tenant.encryptData = input.encryptData().orElse(null);
        }
        TenantInput.Licensing limits = input.fieldsetLicensing();
        if (limits != null) {
            TenantLicensing licensing = tenant.licensing;
            setLimit(limits.recordingSeats(), value -> licensing.recordingSeats = value);
            setLimit(limits.recordingSessions(), value -> licensing.recordingSessions = value);
            setLimit(limits.screenRecordingSeats(), value -> licensing.screenRecordingSeats = value);
            setLimit(limits.monitoringSeats(), value -> licensing.monitoringSeats = value);
            setLimit(limits.monitoringSessions(), value -> licensing.monitoringSessions = value);
            setLimit(limits.evaluationSeats(), value -> licensing.evaluationSeats = value);
            setLimit(limits.speechAnalytics(), value -> licensing.speechAnalytics = value);
        }
        TenantInput.AssociateCalls given = input.fieldsetAssociateCalls();
        if (given != null) {
            CallAssociation association = tenant.association;
            setText(given.extensionUniqueness(), value -> association.extensionUniqueness = value);
            setText(given.associateCalls(), value -> association.associateCalls = value);
            setText(given.associateCallsCondition(), value -> association.associateCallsCondition = value);
            setText(given.broadworksSpId(), value -> association.broadworksSpId = value);
            setText(given.broadworksGroupId(), value -> association.broadworksGroupId = value);
            setText(given.sipUriHost(), value -> association.sipUriHost = value);
            setText(given.ciscoPartition(), value -> association.ciscoPartition = value);
            setText(given.metaswitchSystem(), value -> association.metaswitchSystem = value);
            setText(given.metaswitchGroup(), value -> association.metaswitchGroup = value);
            setText(given.recordUnknownUsers(), value -> association.recordUnknownUsers = value);
            if (given.autoProvision() != null) {
                association.autoProvision = given.autoProvision();
            }
            if (given.provisionGroupId() != null) {
                association.provisionGroupId = given.provisionGroupId().orElse(null);
            }
            if (given.provisionRoleId() != null) {
                association.provisionRoleId = given.provisionRoleId().orElse(null);
            }
        }
    }

    private static boolean switchesToSystemwide(TenantInput input) {
        return input != null && input.fieldsetAssociateCalls() != null
                && "systemwide".equals(input.fieldsetAssociateCalls().extensionUniqueness());
    }

    /** A request that raced this one past the name check is stopped by the index and answered like the check. */
    private static void flushAnsweringNameTaken() {
        Constraints.flushAnswering(NAME_CONSTRAINTS, () -> ApiException.invalidField("name", "taken", NAME_TAKEN));
    }

    /** The settings each association mode needs, and auto-provisioning's group and role. */
    private static void checkAssociation(CallAssociation association, FieldErrors errors) {
        switch (association.associateCalls) {
            case "broadworks_group" -> {
                required("broadworks_sp_id", association.broadworksSpId, errors);
                required("broadworks_group_id", association.broadworksGroupId, errors);
            }
            case "metaswitch_group" -> {
                required("metaswitch_system", association.metaswitchSystem, errors);
                required("metaswitch_group", association.metaswitchGroup, errors);
            }
            case "cisco_partition" -> required("cisco_partition", association.ciscoPartition, errors);
            case "sip_uri_host" -> required("sip_uri_host", association.sipUriHost, errors);
            case "condition" -> {
                required(CONDITION, association.associateCallsCondition, errors);
                checkCondition(association.associateCallsCondition, errors);
            }
            default -> {
                // "extension" needs nothing more: users' extensions decide
            }
        }
        if (association.autoProvision) {
            if (association.provisionGroupId == null) {
                errors.add(ASSOCIATE + "provision_group_id", "blank", "is required when auto_provision is on");
            }
            if (association.provisionRoleId == null) {
                errors.add(ASSOCIATE + "provision_role_id", "blank", "is required when auto_provision is on");
            }
            if (!"record".equals(association.recordUnknownUsers)) {
                errors.invalid(ASSOCIATE + "auto_provision", "needs record_unknown_users set to record");
            }
        }
    }

    /** A limit cannot be set below the number of users already holding the seat. */
    private void checkHeldSeats(Tenant tenant, SeatLicenses.Seat seat, Optional<Integer> limit, FieldErrors errors) {
        present(limit).filter(value -> value >= 0).ifPresent(value -> {
            long holders = seats.holders(tenant.id, seat, null);
            if (holders > value) {
                errors.invalid(LICENSING + seat.tenantField, holders + " users hold a " + seat.userField.replace('_', ' '));
            }
        });
    }

    /**
     * A condition must parse whatever the mode, so that switching to {@code condition} later finds it usable. It is
     * checked as sent and, when the mode is {@code condition}, once more as stored: a stored text need not have passed
     * this check (rows the migrations carried over); the reason names the character of the text checked (positions
     * count from 1).
     */
    private static void checkCondition(String condition, FieldErrors errors) {
        if (condition == null || condition.isBlank()) {
            return;
        }
        try {
            ConditionParser.parse(condition);
        } catch (ConditionException e) {
            errors.invalid(ASSOCIATE + CONDITION, "is not a condition: " + e.getMessage());
        }
    }

    private static void required(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(ASSOCIATE + field, "blank", "is required by this associate_calls mode");
        }
    }

    /** A limit sent as {@code null} or {@code -1} is no limit; one left out stays as it is. */
    private static void setLimit(Optional<Integer> limit, Consumer<Integer> setter) {
        if (limit != null) {
            setter.accept(limit.filter(value -> value >= 0).orElse(null));
        }
    }

    private static void setText(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value.strip());
        }
    }

    /** The value of an optional field that was sent and is not {@code null}. */
    private static <T> Optional<T> present(Optional<T> field) {
        return field == null ? Optional.empty() : field;
    }

    /** Whether a group or role exists and belongs to the tenant; read without touching the tenant being edited. */
    private boolean ownedBy(String table, UUID id, UUID tenantId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM " + table + " WHERE id = ?1 AND tenant_id = ?2")
                .setParameter(1, id).setParameter(2, tenantId)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultList().isEmpty();
    }

    /** The tenant's state after the change, at its revision. */
    private void publish(String type, Tenant tenant) {
        publish(type, tenant.revision, TenantView.of(tenant).event(tenant.system));
    }

    private void publish(String type, long revision, TenantData event) {
        UUID tenantId = event.tenant().tenantId();
        outbox.publish(DirectoryEvents.TOPIC, tenantId.toString(), type, DirectoryEvents.VERSION, tenantId, revision,
                event);
    }
}
