package io.parley.directory.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.parley.common.api.paging.PageSource;
import io.parley.directory.paging.PanachePages;

/**
 * The user list's search (reference 3.7.2), as SQL that the trigram and B-tree indexes serve: {@code search_term}
 * matches name, login, extension, group, role or tenant name, partially and case-insensitively (through the
 * {@code search_text} column the database keeps current); {@code name} is
 * partial; {@code login} and {@code extension} are exact; {@code group_id} and {@code tenant_id} narrow. All given
 * parameters combine with AND; users come ordered by name. A partial-match search picks its plan from the planner's
 * estimate of how many users match (see {@link #COLLECT_UP_TO}).
 */
@ApplicationScoped
public class UserSearch {

    /** The parsed search parameters; {@code null} for those not given. */
    public record Criteria(String searchTerm, String name, String login, String extension, UUID groupId,
            UUID tenantId) {
    }

    /**
     * A partial-match search that the planner expects to match at most this many users collects every match through
     * the trigram index and sorts them, at a cost that grows with the matches (about 3 ms for 4,000 of 100,000 users
     * here). Above it matches are common, and a walk in list order reaches a page of them after about
     * {@code (start + limit) * users / matches} index entries, unless they all sort late (see the directory README).
     */
    static final long COLLECT_UP_TO = 5_000;
    private static final Pattern ESTIMATED_ROWS = Pattern.compile("rows=(\\d+)");

    private final EntityManager entityManager;

    UserSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How a page of a partial-match search is found; see {@link #walkInOrder} and {@link #collectThenSort}. */
    enum Plan {
        WALK_IN_ORDER,
        COLLECT_THEN_SORT
    }

    public PageSource<User> source(Criteria criteria) {
        return source(criteria, null);
    }

    /** The search with its plan chosen from the planner's estimate of the matches, or the plan given. */
    PageSource<User> source(Criteria criteria, Plan forcedPlan) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
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
        boolean partialMatch = parameters.containsKey("term") || parameters.containsKey("name");
        return new PageSource<>() {
            @Override
            @SuppressWarnings("unchecked")
            public List<User> fetch(int offset, int count) {
                Plan plan = forcedPlan != null ? forcedPlan
                        : partialMatch && estimatedRows(from, parameters) <= COLLECT_UP_TO ? Plan.COLLECT_THEN_SORT
                                : Plan.WALK_IN_ORDER;
                Query query = entityManager.createNativeQuery(
                        plan == Plan.COLLECT_THEN_SORT ? collectThenSort(from) : walkInOrder(from), User.class);
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

    /**
     * The page's ids read in list order from the list-order index (see V5__users.sql), filtering as the walk goes, then
     * their rows. Cheap when matches are common or spread through the alphabet; slow when thousands of matches all
     * sort late (every "Susan" comes after most other first names).
     */
    private static String walkInOrder(String from) {
        return "SELECT u.* FROM app_user u JOIN (SELECT u.id, lower(u.name) AS sort_name" + from
                + " ORDER BY lower(u.name), u.id OFFSET :offset LIMIT :count) page ON page.id = u.id"
                + " ORDER BY page.sort_name, page.id";
    }

    /**
     * Every match first (the trigram index finds them wherever they sort), then the page cut from them in list order:
     * its cost follows the number of matches, not where they sort. The materialized CTE keeps the planner from
     * turning it back into an ordered walk.
     */
    private static String collectThenSort(String from) {
        return "WITH matches AS MATERIALIZED (SELECT u.id, lower(u.name) AS sort_name" + from + ")"
                + " SELECT u.* FROM app_user u JOIN (SELECT id, sort_name FROM matches"
                + " ORDER BY sort_name, id OFFSET :offset LIMIT :count) page ON page.id = u.id"
                + " ORDER BY page.sort_name, page.id";
    }

    /** The planner's estimate of the matching rows, from the table statistics: no row is read. */
    private long estimatedRows(String from, Map<String, Object> parameters) {
        Query explain = entityManager.createNativeQuery("EXPLAIN SELECT 1" + from);
        parameters.forEach(explain::setParameter);
        Matcher rows = ESTIMATED_ROWS.matcher(String.valueOf(explain.getResultList().get(0)));
        return rows.find() ? Long.parseLong(rows.group(1)) : Long.MAX_VALUE;
    }
}
