package io.parley.directory.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.parley.directory.access.Scope;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.UniquelyNamed;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** A customer of a tenant, known by the phone numbers of its contacts (reference 3.2). */
@Entity
@Table(name = "client")
public class Client extends UniquelyNamed {

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

    /** In the order the API was given them; {@code position} keeps that order. */
    @ElementCollection
    @CollectionTable(name = "client_contact", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "position")
    public List<ClientContact> contacts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The client with its contacts loaded in the same query. */
    public static Optional<Client> findWithContacts(UUID id) {
        return find("FROM Client c LEFT JOIN FETCH c.contacts WHERE c.id = ?1", id).singleResultOptional();
    }

    /** The tenant's client of that name, compared as the unique indexes do. */
    public static Optional<Client> findByName(UUID tenantId, String name) {
        return find("tenantId = :tenant AND " + SAME_NAME, sameName(name).and("tenant", tenantId)).firstResultOptional();
    }

    /**
     * Clients of the tenant (any tenant when {@code null}) matching the term (anything when {@code null}): part of
     * the client's name, of a contact's name or phone number, or of the tenant's name, case-insensitively. Ordered by
     * name, then id; only those in the scope. Contacts are not loaded; see {@link #fetchContacts(List)}.
     */
    public static PanacheQuery<Client> search(UUID tenantId, String term, Scope scope) {
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder("FROM Client c WHERE ").append(scope.where("c", parameters));
        if (tenantId != null) {
            query.append(" AND c.tenantId = :tenantId");
            parameters.and("tenantId", tenantId);
        }
        if (term != null && !term.isBlank()) {
            query.append(" AND (lower(c.name) LIKE :pattern")
                    .append(" OR EXISTS (SELECT 1 FROM Client owner JOIN owner.contacts contact")
                    .append(" WHERE owner.id = c.id")
                    .append(" AND (lower(contact.name) LIKE :pattern OR lower(contact.phoneNumber) LIKE :pattern))")
                    .append(" OR EXISTS (SELECT 1 FROM Tenant t WHERE t.id = c.tenantId AND lower(t.name) LIKE :pattern))");
            parameters.and("pattern", PanachePages.containsPattern(term.strip()));
        }
        query.append(" ORDER BY lower(c.name), c.id");
        return find(query.toString(), parameters);
    }

    /** Loads the contacts of all these clients in one query, instead of one query per client. */
    public static void fetchContacts(List<Client> clients) {
        if (!clients.isEmpty()) {
            find("FROM Client c LEFT JOIN FETCH c.contacts WHERE c.id IN ?1",
                    clients.stream().map(client -> client.id).toList()).list();
        }
    }
}
