package io.parley.directory.role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.parley.directory.access.AccessLevel;
import io.parley.directory.access.Scope;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.UniquelyNamed;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** What its users may do: an access level and a dictionary of permitted operations per resource. */
@Entity
@Table(name = "role")
public class Role extends UniquelyNamed {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    /**
     * 1 when created, one more with every change; the object's events carry it so that replicas apply them in order.
     * Changed only under the row's lock.
     */
    @Column(nullable = false)
    public long revision = 1;

    @Column(name = "access_level", nullable = false)
    public AccessLevel accessLevel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> permissions;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The tenant's role of that name, compared as the unique indexes do. */
    public static Optional<Role> findByName(UUID tenantId, String name) {
        return find("tenantId = :tenant AND " + SAME_NAME, sameName(name).and("tenant", tenantId)).firstResultOptional();
    }

    /**
     * Roles whose name contains the term, case-insensitively, of one tenant or (with {@code tenantId} null) of all;
     * ordered by name, then id; only those in the scope.
     */
    public static PanacheQuery<Role> search(String term, UUID tenantId, Scope scope) {
        Parameters parameters = Parameters.with("pattern", PanachePages.containsPattern(term));
        StringBuilder query = new StringBuilder("lower(name) LIKE :pattern AND ").append(scope.where("", parameters));
        if (tenantId != null) {
            query.append(" AND tenantId = :tenant");
            parameters.and("tenant", tenantId);
        }
        return find(query.append(" ORDER BY lower(name), id").toString(), parameters);
    }
}
