package io.parley.directory.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.parley.common.api.paging.PageSource;
import io.parley.common.sql.Sql;
import io.parley.directory.access.UserScope;
import io.parley.directory.paging.PanachePages;

/**
 * The user list's search (reference 3.7.2), as SQL that the trigram and B-tree indexes serve: {@code search_term}
 * matches name, login, extension, group, role or tenant name, partially and case-insensitively (through the
 * {@code search_text} column the database keeps current); {@code name} is
 * partial; {@code login} and {@code extension} are exact; {@code group_id} and {@code tenant_id} narrow. All given
 * parameters combine with AND; users come ordered by name. A partial-match search looks for its page among the first
 * users in list order and, when it is not there, collects every match (see {@link Plan}): a short walk serves common
 * matches, and matches that all sort late cost what collecting them costs, not a walk past every earlier name.
 */
@ApplicationScoped
public class UserSearch {

    /** The parsed search parameters; {@code null} for those not given. */
    public record Criteria(String searchTerm, String name, String login, String extension, UUID groupId,
            UUID tenantId) {
    }

    /**
     * How many users, in list order, a partial-match search looks through for its page before it collects every
     * match instead.
     */
    static final int WALK_BUDGET = 3_000;

    private final EntityManager entityManager;

    /**
     * Pages whose bounded walk came back short lately (the same search, scope and page): they are collected at once,
     * sparing a walk that would most likely miss again. Only a choice of plan: both plans give the exact page, so a
     * remembered miss never hides a change in the directory; it is forgotten after a while to learn again.
     */
    private final Cache<Sql, Boolean> walkMisses = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    UserSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How a page of a partial-match search is found; see the methods of the same names. */
    enum Plan {
        WALK_IN_ORDER,
        COLLECT_THEN_SORT,
        BOUNDED_WALK_THEN_COLLECT
    }

    /** The users matching the criteria among those in the scope. */
    public PageSource<User> source(Criteria criteria, UserScope scope) {
        return source(criteria, scope, null);
    }

    /** The search with the plan given, or the one that suits its criteria. */
    PageSource<User> source(Criteria criteria, UserScope scope, Plan forcedPlan) {
        return source(criteria, scope, forcedPlan, WALK_BUDGET);
    }

    /** The same, with the walk of a bounded plan limited to {@code walkBudget} users. */
    PageSource<User> source(Criteria criteria, UserScope scope, Plan forcedPlan, int walkBudget) {
        List<Sql> conditions = new ArrayList<>(List.of(scope.sql()));
        boolean partial = false;
        boolean exact = false;
        if (criteria.searchTerm() != null && !criteria.searchTerm().isBlank()) {
            conditions.add(Sql.of("u.search_text LIKE ?", PanachePages.containsPattern(criteria.searchTerm().strip())));
            partial = true;
        }
        if (criteria.name() != null && !criteria.name().isBlank()) {
            conditions.add(Sql.of("lower(u.name) LIKE ?", PanachePages.containsPattern(criteria.name().strip())));
            partial = true;
        }
        if (criteria.login() != null) {
            conditions.add(Sql.of("u.login = ?", criteria.login()));
            exact = true;
        }
        if (criteria.extension() != null) {
            conditions.add(Sql.of("u.id IN (SELECT user_id FROM user_extension WHERE extension = ?)",
                    criteria.extension().strip()));
            exact = true;
        }
        if (criteria.groupId() != null) {
            conditions.add(Sql.of("u.group_id = ?", criteria.groupId()));
        }
        if (criteria.tenantId() != null) {
            conditions.add(Sql.of("u.tenant_id = ?", criteria.tenantId()));
        }
        Sql where = Sql.of(" WHERE ").append(Sql.all(conditions));
        Sql from = Sql.of(" FROM app_user u").append(where);
        // partial matches, with no exact filter to lead the way
        Plan plan = forcedPlan != null ? forcedPlan
                : partial && !exact ? Plan.BOUNDED_WALK_THEN_COLLECT : Plan.WALK_IN_ORDER;
        return new PageSource<>() {
            @Override
            public List<User> fetch(int offset, int count) {
                return switch (plan) {
                    case WALK_IN_ORDER -> users(walkInOrder(from, offset, count));
                    case COLLECT_THEN_SORT -> users(collectThenSort(from, offset, count));
                    case BOUNDED_WALK_THEN_COLLECT -> {
                        Sql walk = boundedWalk(where, walkBudget, offset, count);
                        if (walkMisses.getIfPresent(walk) == null) {
                            List<User> walked = users(walk);
                            if (walked.size() == count) {
                                yield walked;
                            }
                            walkMisses.put(walk, Boolean.TRUE);
                        }
                        yield users(collectThenSort(from, offset, count));
                    }
                };
            }

            @Override
            public long countUpTo(long cap) {
                Query query = query(Sql.of("SELECT count(*) FROM (SELECT 1").append(from)
                        .append(" LIMIT ?) matching", cap), null);
                return ((Number) query.getSingleResult()).longValue();
            }
        };
    }

    /**
     * The page's ids read in list order from the list-order index (see V5__users.sql, V6), filtering as the walk goes, then
     * their rows. Cheap when matches are common or spread through the alphabet; slow when thousands of matches all
     * sort late (every "Susan" comes after most other first names).
     */
    private static Sql walkInOrder(Sql from, int offset, int count) {
        return Sql.of("SELECT u.* FROM app_user u JOIN (SELECT u.id, lower(u.name) AS sort_name").append(from)
                .append(" ORDER BY lower(u.name), u.id OFFSET ? LIMIT ?) page ON page.id = u.id"
                        + " ORDER BY page.sort_name, page.id", offset, count);
    }

    /**
     * The walk in list order, but through the first {@link #WALK_BUDGET} users only, in the list-order index's order
     * (V6: it carries name, tenant and group; {@code search_text}, which holds every extension and no index entry
     * can, is read from the table as the walk goes). When matches are common or spread through the alphabet, the
     * page is among them and is exact, since it is a prefix of the list order; when it is not, the page is collected.
     */
    private static Sql boundedWalk(Sql where, int budget, int offset, int count) {
        // the walk's own sort_name orders the page, so that the planner keeps the walk's order and stops early
        return Sql.of("SELECT u.* FROM app_user u JOIN (SELECT u.id, u.sort_name FROM (SELECT u.id, lower(u.name)"
                + " AS sort_name, u.name, u.search_text, u.tenant_id, u.group_id FROM app_user u"
                + " ORDER BY lower(u.name), u.id LIMIT ?) u", budget).append(where)
                .append(" ORDER BY u.sort_name, u.id OFFSET ? LIMIT ?) page ON page.id = u.id"
                        + " ORDER BY page.sort_name, page.id", offset, count);
    }

    /**
     * Every match first (the trigram index finds them wherever they sort), then the page cut from them in list order:
     * its cost follows the number of matches, not where they sort. The materialized CTE keeps the planner from
     * turning it back into an ordered walk.
     */
    private static Sql collectThenSort(Sql from, int offset, int count) {
        return Sql.of("WITH matches AS MATERIALIZED (SELECT u.id, lower(u.name) AS sort_name").append(from)
                .append(") SELECT u.* FROM app_user u JOIN (SELECT id, sort_name FROM matches"
                        + " ORDER BY sort_name, id OFFSET ? LIMIT ?) page ON page.id = u.id"
                        + " ORDER BY page.sort_name, page.id", offset, count);
    }

    @SuppressWarnings("unchecked")
    private List<User> users(Sql sql) {
        return new ArrayList<>(query(sql, User.class).getResultList());
    }

    /** A native query of the statement, its {@code ?} bound in order; its rows as {@code entity}, if not null. */
    private Query query(Sql sql, Class<?> entity) {
        Query query = entity == null ? entityManager.createNativeQuery(sql.sql())
                : entityManager.createNativeQuery(sql.sql(), entity);
        for (int i = 0; i < sql.parameters().size(); i++) {
            query.setParameter(i + 1, sql.parameters().get(i));
        }
        return query;
    }
}
