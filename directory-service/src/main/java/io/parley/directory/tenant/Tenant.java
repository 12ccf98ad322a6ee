package io.parley.directory.tenant;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;

import io.parley.directory.access.Scope;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.UniquelyNamed;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** A customer account: everything else in the directory belongs to exactly one tenant. */
@Entity
@Table(name = "tenant")
public class Tenant extends UniquelyNamed {

    @Id
    public UUID id;

    /**
     * 1 when created, one more with every change; the object's events carry it so that replicas apply them in order.
     * Changed only under the row's lock.
     */
    @Column(nullable = false)
    public long revision = 1;

    public String timezone;

    @Column(name = "encrypt_data")
    public Boolean encryptData;

    /** The one tenant created at first start, home of the root user. Its events say so ({@code system_tenant}). */
    @Column(name = "is_system", nullable = false)
    public boolean system;

    /** Its state is to be published again at the next start ({@link TenantAnnouncements}). */
    @Column(name = "announce_again", nullable = false)
    public boolean announceAgain;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Embedded
    public TenantLicensing licensing = new TenantLicensing();

    @Embedded
    public CallAssociation association = new CallAssociation();

    /** Hibernate loads an embeddable whose columns are all null (no license limits at all) as null. */
    @PostLoad
    void noLimitsIsNotNull() {
        if (licensing == null) {
            licensing = new TenantLicensing();
        }
    }

    /**
     * Locks the tenant's row for the rest of the transaction (waiting for its current holder) and reloads it as
     * committed then: what is checked against its limits and settings next cannot change until the commit.
     */
    public static Tenant lockedForUpdate(Tenant tenant) {
        getEntityManager().refresh(tenant, LockModeType.PESSIMISTIC_WRITE);
        return tenant;
    }

    /** The tenant of that name, compared as the unique indexes do. */
    public static Optional<Tenant> findByName(String name) {
        return find(SAME_NAME, sameName(name)).firstResultOptional();
    }

    /** Tenants in the scope whose name contains the term, case-insensitively, ordered by name. */
    public static PanacheQuery<Tenant> search(String term, Scope scope) {
        Parameters parameters = Parameters.with("pattern", PanachePages.containsPattern(term));
        // a tenant is its own tenant: the scope's tenant condition reads the id
        String where = scope.tenantId() != null ? "id = :scopeTenant" : scope.where("", parameters);
        if (scope.tenantId() != null) {
            parameters.and("scopeTenant", scope.tenantId());
        }
        return find("lower(name) LIKE :pattern AND " + where + " ORDER BY lower(name), id", parameters);
    }
}
