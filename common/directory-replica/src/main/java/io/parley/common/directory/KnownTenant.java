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

    /** When the directory made the change this row reflects. */
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** When the directory deleted the tenant; {@code null} while it exists. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public static Optional<KnownTenant> findLive(UUID id) {
        return KnownTenant.<KnownTenant> findByIdOptional(id).filter(tenant -> tenant.deletedAt == null);
    }
}
