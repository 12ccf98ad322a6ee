package io.parley.directory.tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer account: everything else in the directory belongs to exactly one tenant. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String timezone;

    @Column(name = "encrypt_data")
    public Boolean encryptData;

    /** The one tenant created at first start, home of the root user. */
    @Column(name = "is_system", nullable = false)
    public boolean system;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static Optional<Tenant> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** Tenants whose name contains the term, case-insensitively, ordered by name. */
    public static List<Tenant> search(String term, int offset, int count) {
        return find("lower(name) LIKE ?1 ORDER BY lower(name), id", containsPattern(term))
                .range(offset, offset + count - 1)
                .list();
    }

    public static long countMatching(String term, long cap) {
        Number count = (Number) getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM tenant WHERE lower(name) LIKE ?1 LIMIT ?2) t")
                .setParameter(1, containsPattern(term))
                .setParameter(2, cap)
                .getSingleResult();
        return count.longValue();
    }

    /** A LIKE pattern matching names that contain {@code term}, with LIKE's wildcards in the term taken literally. */
    static String containsPattern(String term) {
        String literal = term == null ? ""
                : term.toLowerCase()
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
