package io.parley.directory.group;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.parley.directory.access.Scope;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.UniquelyNamed;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** A tenant's group of users, which may give its users a timezone of their own. */
// GROUP is a keyword in HQL and SQL, so neither the entity nor its table is called that
@Entity(name = "UserGroup")
@Table(name = "user_group")
public class Group extends UniquelyNamed {

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

    public String timezone;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The tenant's group of that name, compared as the unique indexes do. */
    public static Optional<Group> findByName(UUID tenantId, String name) {
        return find("tenantId = :tenant AND " + SAME_NAME, sameName(name).and("tenant", tenantId)).firstResultOptional();
    }

    /**
     * Groups whose name contains the term, case-insensitively, of one tenant or (with {@code tenantId} null) of all;
     * ordered by name, then id; only those in the scope.
     */
    public static PanacheQuery<Group> search(String term, UUID tenantId, Scope scope) {
        Parameters parameters = Parameters.with("pattern", PanachePages.containsPattern(term));
        StringBuilder query = new StringBuilder("lower(name) LIKE :pattern AND ").append(scope.where("", parameters));
        if (tenantId != null) {
            query.append(" AND tenantId = :tenant");
            parameters.and("tenant", tenantId);
        }
        return find(query.append(" ORDER BY lower(name), id").toString(), parameters);
    }
}
