package io.parley.call.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.paging.PageSource;

/**
 * The ids of the calls a search matches within the caller's scope, ordered by setup time and then call id (calls
 * whose setup is not reported yet first when descending, last when ascending), for {@code Page}. Every statement runs
 * in the caller's transaction under a time limit: a search that exceeds it is answered {@code 400 SearchTimeout}.
 */
public final class CallQuery implements PageSource<UUID> {

    /** PostgreSQL's SQLSTATEs: a statement cancelled by {@code statement_timeout}, a regular expression refused. */
    private static final String QUERY_CANCELED = "57014";
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";

    private final Connection connection;
    private final SqlCondition where;
    private final String direction;
    private final Duration timeout;

    private CallQuery(Connection connection, SqlCondition where, boolean ascending, Duration timeout) {
        this.connection = connection;
        this.where = where;
        this.direction = ascending ? "ASC" : "DESC";
        this.timeout = timeout;
    }

    /**
     * Limits the statements of the current transaction to {@code timeout}, has each planned for its own values and
     * checks the search's regular expressions. A plan made once for any value (which the driver's prepared
     * statements would get after a few runs) guesses how many calls a text matches, and for a rare number walks
     * every call in time order.
     *
     * @throws ApiException 400 naming the first {@code regex} parameter PostgreSQL refuses
     */
    public static CallQuery prepare(Connection connection, SqlCondition scope, CallSearch search, Duration timeout)
            throws SQLException {
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
                throw e;
            }
        }
        return new CallQuery(connection, SqlCondition.all(List.of(scope, search.condition())), search.ascending(),
                timeout);
    }

    @Override
    public List<UUID> fetch(int offset, int count) {
        String sql = "SELECT c.call_id FROM call c WHERE " + where.sql() + " ORDER BY c.setup_time " + direction
                + ", c.call_id " + direction + " LIMIT ? OFFSET ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int next = where.bind(query, 1);
            query.setInt(next, count);
            query.setInt(next + 1, offset);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public long countUpTo(long cap) {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM call c WHERE " + where.sql() + " LIMIT ?) matching";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(where.bind(query, 1), cap);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private RuntimeException failure(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return new ApiException(400, ApiError.of("SearchTimeout", "The search did not finish within "
                    + timeout.toMillis() + " ms: narrow it, e.g. with a daterange, a tenant_id"
                    + " or a longer search text"));
        }
        return new IllegalStateException("Call search failed", e);
    }
}
