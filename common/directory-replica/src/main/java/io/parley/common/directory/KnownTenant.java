package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tenant as the directory last announced it. A deleted tenant is kept as a tombstone ({@link #deletedAt} set) so
 * that late events cannot bring it back; {@link #findLive} finds only tenants that exist.
 */
@Entity
@Table(name = "known_tenant")
public class KnownTenant extends PanacheEntityBase {

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

    /** When the directory deleted the tenant; {@code null} while it exists. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public static Optional<KnownTenant> findLive(UUID id) {
        return KnownTenant.<KnownTenant> findByIdOptional(id).filter(tenant -> tenant.deletedAt == null);
    }
}
