package io.parley.call.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.paging.PageSource;
import io.parley.common.sql.Sql;

/**
 * The ids of the calls a search matches within the caller's scope, ordered by setup time and then call id (calls
 * whose setup is not reported yet first when descending, last when ascending), for {@code Page}. Every statement runs
 * in the caller's transaction under the search's time limit, which its statements share: each may take what the ones
 * before it left, so that a page, its count ({@code max_total_calc}) and its calls' documents together take no longer.
 * A search that exceeds it is answered {@code 400 SearchTimeout}.
 * <p>
 * A search for parts of texts ({@link CallSearch#textParts()}) is planned here, not by the database alone, which
 * cannot tell how many calls {@code %1234567%} matches: it guesses a few thousand, and to find a rare number it would
 * walk every call in time order. Such a search walks through the first {@link #WALK_BUDGET} calls of its other
 * conditions in list order; when its page is among them, the page is exact, since they are a prefix of the list.
 * When it is not, every match is collected through the trigram indexes and the page cut from them: common texts cost
 * a short walk, rare ones what collecting them costs.
 * <p>
 * A number looked up in both number indexes ({@link CallSearch#indexLookups()}) is searched as the union of each
 * index's calls, which the indexes hold with their tenants and setup times: a page and the count of a number's
 * thousand calls are read from the indexes, not from a thousand pages of the table.
 */
public final class CallQuery implements PageSource<UUID> {

    /**
     * How many calls a search for parts of texts walks through before it collects every match instead: a few
     * milliseconds of reading at ten million calls (docs/performance.md).
     */
    public static final int WALK_BUDGET = 2_000;

    /** PostgreSQL's SQLSTATEs: a statement cancelled by {@code statement_timeout}, a regular expression refused. */
    private static final String QUERY_CANCELED = "57014";
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";

    private final Connection connection;
    /** The scope and the search's conditions but the parts of texts. */
    private final Sql filter;
    private final Sql textParts;
    /** With parts of texts, every condition: what a match is. */
    private final Sql matching;
    /**
     * Without parts of texts, the matching calls with their ids and setup times as a {@code FROM} item {@code c}
     * (SQL and its parameters): the filtered calls, or the union of the filtered calls of each index lookup
     * ({@link CallSearch#indexLookups()}), which the planner reads from each index alone.
     */
    private final Sql matchingCalls;
    private final String order;
    private final Duration timeout;
    /** When the search's time is up, in {@link System#nanoTime()}. */
    private final long deadline;

    /** Statements on the search's connection, run in what remains of its time. */
    @FunctionalInterface
    public interface Statements<T> {
        T run() throws SQLException;
    }

    /** @param lookups index lookups any of which a match meets; only without parts of texts */
    private CallQuery(Connection connection, Sql filter, Sql textParts, List<Sql> lookups,
            boolean ascending, Duration timeout, long deadline) {
        this.connection = connection;
        this.filter = filter;
        this.textParts = textParts;
        this.matching = Sql.all(List.of(filter, textParts));
        this.matchingCalls = lookups.isEmpty() ? Sql.of("call c WHERE ").append(filter)
                : union(lookups.stream().map(lookup -> Sql.all(List.of(filter, lookup))).toList());
        String direction = ascending ? "ASC" : "DESC";
        this.order = " ORDER BY c.setup_time " + direction + ", c.call_id " + direction;
        this.timeout = timeout;
        this.deadline = deadline;
    }

    private static Sql union(List<Sql> branches) {
        return Sql.of("(").append(Sql.join(branches.stream()
                .map(branch -> Sql.of("SELECT c.call_id, c.setup_time FROM call c WHERE ").append(branch)).toList(),
                " UNION ")).append(") c");
    }

    /**
     * Limits the statements of the current transaction to {@code timeout}, has each planned for its own values and
     * checks the search's regular expressions. A plan made once for any value (which the driver's prepared
     * statements would get after a few runs) guesses how many calls a text matches, and for a rare number walks
     * every call in time order.
     *
     * @throws ApiException 400 naming the first {@code regex} parameter PostgreSQL refuses, 400 when checking them
     *         takes the search's time
     */
    public static CallQuery prepare(Connection connection, Sql scope, CallSearch search, Duration timeout)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement limit = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true),"
                + " set_config('plan_cache_mode', 'force_custom_plan', true)")) {
            limit.setString(1, timeout.toMillis() + "ms");
            limit.execute();
        }
        for (CallSearch.Regex regex : search.regexes()) {
            try (PreparedStatement check = connection.prepareStatement("SELECT '' ~ ?")) {
                check.setString(1, regex.pattern());
                check.execute();
            } catch (SQLException e) {
                if (INVALID_REGULAR_EXPRESSION.equals(e.getSQLState())) {
                    throw ApiException.invalidParameter(regex.parameter(), "is not a valid regular expression");
                }
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    throw timedOut(timeout);
                }
                throw e;
            }
        }
        Sql filter = Sql.all(List.of(scope, search.condition()));
        List<Sql> lookups = search.indexLookups();
        if (!lookups.isEmpty() && !search.textParts().equals(Sql.TRUE)) {
            // parts of texts are read from the table, where the lookups are conditions like any other
            filter = Sql.all(List.of(filter, Sql.any(lookups)));
            lookups = List.of();
        }
        return new CallQuery(connection, filter, search.textParts(), lookups, search.ascending(), timeout, deadline);
    }

    @Override
    public List<UUID> fetch(int offset, int count) {
        try {
            limitToRemainingTime();
            if (textParts.equals(Sql.TRUE)) {
                return ids(Sql.of("SELECT c.call_id FROM ").append(matchingCalls).append(order), offset, count);
            }
            Walk walk = boundedWalk(offset, count);
            if (walk.page().size() == count || walk.calls() < WALK_BUDGET) {
                return walk.page();
            }
            // materialized, the matches are collected first: the planner cannot turn the page into a walk
            limitToRemainingTime();
            return ids(Sql.of("WITH matches AS MATERIALIZED (SELECT c.call_id, c.setup_time FROM call c WHERE ")
                    .append(matching).append(") SELECT c.call_id FROM matches c" + order), offset, count);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The page found among the first calls in list order, and how many calls were walked through (at most the budget). */
    private record Walk(List<UUID> page, long calls) {
    }

    private Walk boundedWalk(int offset, int count) throws SQLException {
        Sql walk = Sql.of("WITH walk AS MATERIALIZED (SELECT c.call_id, c.setup_time, COALESCE((").append(textParts)
                .append("), FALSE) AS matches FROM call c WHERE ").append(filter).append(order + " LIMIT ?)",
                        WALK_BUDGET)
                .append(" SELECT (SELECT count(*) FROM walk), ARRAY(SELECT c.call_id FROM walk c WHERE c.matches"
                        + order + " LIMIT ? OFFSET ?)", count, offset);
        try (PreparedStatement query = walk.prepare(connection); ResultSet rows = query.executeQuery()) {
            rows.next();
            return new Walk(List.of((UUID[]) rows.getArray(2).getArray()), rows.getLong(1));
        }
    }

    /** The ids of the page of the calls {@code ordered} selects. */
    private List<UUID> ids(Sql ordered, int offset, int count) throws SQLException {
        try (PreparedStatement query = ordered.append(" LIMIT ? OFFSET ?", count, offset).prepare(connection);
                ResultSet rows = query.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    @Override
    public long countUpTo(long cap) {
        // counted as the page is collected: a walk in any order through calls of a rare text would pass them all
        Sql matches = textParts.equals(Sql.TRUE) ? Sql.of("SELECT 1 FROM ").append(matchingCalls)
                : Sql.of("WITH matches AS MATERIALIZED (SELECT 1 FROM call c WHERE ").append(matching)
                        .append(") SELECT 1 FROM matches");
        try {
            limitToRemainingTime();
            try (PreparedStatement query = Sql.of("SELECT count(*) FROM (").append(matches)
                    .append(" LIMIT ?) matching", cap).prepare(connection); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs the search's last statements (e.g. reading the page's calls) in what remains of its time. */
    public <T> T inRemainingTime(Statements<T> statements) {
        try {
            limitToRemainingTime();
            return statements.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Gives the next statements of the transaction what the earlier ones left of the search's time. */
    private void limitToRemainingTime() throws SQLException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining < 1) { // 0 would be no limit at all
            throw timedOut(timeout);
        }
        try (PreparedStatement limit = connection.prepareStatement(
                "SELECT set_config('statement_timeout', ?, true)")) {
            limit.setString(1, remaining + "ms");
            limit.execute();
        }
    }

    private RuntimeException failure(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return timedOut(timeout);
        }
        return new IllegalStateException("Call search failed", e);
    }

    private static ApiException timedOut(Duration timeout) {
        return new ApiException(400, ApiError.of("SearchTimeout", "The search did not finish within "
                + timeout.toMillis() + " ms: narrow it, e.g. with a daterange, a tenant_id or a longer search text"));
    }
}
