package io.parley.directory.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.parley.common.api.paging.PageSource;
import io.parley.directory.access.UserScope;
import io.parley.directory.paging.PanachePages;

/**
 * The user list's search (reference 3.7.2), as SQL that the trigram and B-tree indexes serve: {@code search_term}
 * matches name, login, extension, group, role or tenant name, partially and case-insensitively (through the
 * {@code search_text} column the database keeps current); {@code name} is
 * partial; {@code login} and {@code extension} are exact; {@code group_id} and {@code tenant_id} narrow. All given
 * parameters combine with AND; users come ordered by name.
 */
@ApplicationScoped
public class UserSearch {

    /** The parsed search parameters; {@code null} for those not given. */
    public record Criteria(String searchTerm, String name, String login, String extension, UUID groupId,
            UUID tenantId) {
    }

    private final EntityManager entityManager;

    UserSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The users matching the criteria among those in the scope. */
    public PageSource<User> source(Criteria criteria, UserScope scope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql(parameters));
        if (criteria.searchTerm() != null && !criteria.searchTerm().isBlank()) {
            parameters.put("term", PanachePages.containsPattern(criteria.searchTerm().strip()));
            where.append(" AND u.search_text LIKE :term");
        }
        if (criteria.name() != null && !criteria.name().isBlank()) {
            parameters.put("name", PanachePages.containsPattern(criteria.name().strip()));
            where.append(" AND lower(u.name) LIKE :name");
        }
        if (criteria.login() != null) {
            parameters.put("login", criteria.login());
            where.append(" AND u.login = :login");
        }
        if (criteria.extension() != null) {
            parameters.put("extension", criteria.extension().strip());
            where.append(" AND u.id IN (SELECT user_id FROM user_extension WHERE extension = :extension)");
        }
        if (criteria.groupId() != null) {
            parameters.put("group", criteria.groupId());
            where.append(" AND u.group_id = :group");
        }
        if (criteria.tenantId() != null) {
            parameters.put("tenant", criteria.tenantId());
            where.append(" AND u.tenant_id = :tenant");
        }
        String from = " FROM app_user u" + where;
        // the page's ids first, from the list-order index alone where it can (see V5__users.sql), then their rows
        String select = "SELECT u.* FROM app_user u JOIN (SELECT u.id, lower(u.name) AS sort_name" + from
                + " ORDER BY lower(u.name), u.id OFFSET :offset LIMIT :count) page ON page.id = u.id"
                + " ORDER BY page.sort_name, page.id";
        return new PageSource<>() {
            @Override
            @SuppressWarnings("unchecked")
            public List<User> fetch(int offset, int count) {
                Query query = entityManager.createNativeQuery(select, User.class);
                parameters.forEach(query::setParameter);
                return new ArrayList<>(query.setParameter("offset", offset).setParameter("count", count)
                        .getResultList());
            }

            @Override
            public long countUpTo(long cap) {
                Query query = entityManager.createNativeQuery(
                        "SELECT count(*) FROM (SELECT 1" + from + " LIMIT :cap) matching");
                parameters.forEach(query::setParameter);
                return ((Number) query.setParameter("cap", cap).getSingleResult()).longValue();
            }
        };
    }
}
