package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.parley.common.events.directory.TenantData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tenant as the directory last announced it. A deleted tenant is kept as a tombstone ({@link #deletedAt} set) so
 * that late events cannot bring it back; {@link #findLive} finds only tenants that exist.
 */
@Entity
@Table(name = "known_tenant")
public class KnownTenant extends PanacheEntityBase {

    /** What an event without {@code fieldset_associate_calls} says of the settings: nothing. */
    private static final TenantData.AssociateCalls NO_SETTINGS = new TenantData.AssociateCalls(null, null, null, null,
            null, null, null, null, null, null, false, null, null);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The directory's revision of the tenant this row reflects; 0 when its event carried none. */
    @Column(nullable = false)
    public long revision;

    /** When the directory made the change this row reflects. */
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** {@code systemwide} or {@code tenant}: where the tenant's extensions are unique. */
    @Column(name = "extension_uniqueness", nullable = false)
    public String extensionUniqueness = "systemwide";

    /** How calls find the tenant (reference 3.6.1 {@code associate_calls}) and the settings of each way. */
    @Column(name = "associate_calls", nullable = false)
    public String associateCalls = "extension";

    @Column(name = "broadworks_sp_id", nullable = false)
    public String broadworksSpId = "";

    @Column(name = "broadworks_group_id", nullable = false)
    public String broadworksGroupId = "";

    @Column(name = "metaswitch_system", nullable = false)
    public String metaswitchSystem = "";

    @Column(name = "metaswitch_group", nullable = false)
    public String metaswitchGroup = "";

    @Column(name = "cisco_partition", nullable = false)
    public String ciscoPartition = "";

    @Column(name = "sip_uri_host", nullable = false)
    public String sipUriHost = "";

    /** The condition of a {@code condition} tenant, as the directory accepted it (docs/recorder-events.md). */
    @Column(name = "associate_calls_condition", nullable = false)
    public String associateCallsCondition = "";

    /** {@code record} or {@code ignore}: what becomes of the tenant's calls that match none of its users. */
    @Column(name = "record_unknown_users", nullable = false)
    public String recordUnknownUsers = "record";

    @Column(name = "auto_provision", nullable = false)
    public boolean autoProvision;

    @Column(name = "provision_group_id")
    public UUID provisionGroupId;

    @Column(name = "provision_role_id")
    public UUID provisionRoleId;

    /** Whether the tenant's recordings are encrypted at rest (reference 3.6.1 {@code encrypt_data}). */
    @Column(name = "encrypt_data", nullable = false)
    public boolean encryptData;

    /**
     * Whether the directory's events say this is the System tenant ({@code data.system_tenant}), whose {@code system}
     * users reach every tenant. False for a tenant only looked up ({@link ReplicaMisses}) until its event comes.
     */
    @Column(name = "is_system", nullable = false)
    public boolean system;

    /** When the directory deleted the tenant; {@code null} while it exists. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /**
     * Takes the state the directory shows of the tenant, as its events carry it and as
     * {@code GET /api/v2/tenants/{id}.json} answers it. A setting an older event leaves out is empty, or its default where it
     * has one.
     */
    void takeState(TenantData.Tenant tenant) {
        name = tenant.name();
        encryptData = Boolean.TRUE.equals(tenant.encryptData());
        TenantData.AssociateCalls association = tenant.fieldsetAssociateCalls() == null ? NO_SETTINGS
                : tenant.fieldsetAssociateCalls();
        extensionUniqueness = orElse(association.extensionUniqueness(), extensionUniqueness);
        associateCalls = orElse(association.associateCalls(), associateCalls);
        broadworksSpId = orElse(association.broadworksSpId(), "");
        broadworksGroupId = orElse(association.broadworksGroupId(), "");
        metaswitchSystem = orElse(association.metaswitchSystem(), "");
        metaswitchGroup = orElse(association.metaswitchGroup(), "");
        ciscoPartition = orElse(association.ciscoPartition(), "");
        sipUriHost = orElse(association.sipUriHost(), "");
        associateCallsCondition = orElse(association.associateCallsCondition(), "");
        recordUnknownUsers = orElse(association.recordUnknownUsers(), recordUnknownUsers);
        autoProvision = association.autoProvision();
        provisionGroupId = association.provisionGroupId();
        provisionRoleId = association.provisionRoleId();
    }

    /**
     * Makes the writers of one tenant's row, the directory's events and lookups ({@link ReplicaMisses}), take turns
     * until their transactions end, so that neither inserts a row the other inserted meanwhile.
     */
    static void lockRow(UUID id) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:lock))) AS locked")
                .setParameter("lock", "known_tenant:" + id).getSingleResult();
    }

    public static Optional<KnownTenant> findLive(UUID id) {
        return KnownTenant.<KnownTenant> findByIdOptional(id).filter(tenant -> tenant.deletedAt == null);
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
