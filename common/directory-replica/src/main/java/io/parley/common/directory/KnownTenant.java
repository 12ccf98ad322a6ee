package io.parley.common.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant as the directory last announced it. */
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
}
