package io.parley.call.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.call.search.CallQuery;
import io.parley.call.search.CallSearch;
import io.parley.call.search.SearchConfig;
import io.parley.call.search.SqlCondition;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.events.CallEvents;
import io.parley.common.events.outbox.Outbox;

/**
 * The calls API's reads and deletes (reference 3.1.4-3.1.6), each limited to the caller's scope (a condition from
 * {@code CallScope}): a call outside it is as absent as one that does not exist. Searches run on connections of their
 * own ({@link SearchConfig#DATASOURCE}), so that however many run, ingest and the other reads find theirs.
 */
@ApplicationScoped
public class CallService {

    private final DataSource dataSource;
    private final DataSource searches;
    private final CallDocuments documents;
    private final Outbox outbox;
    private final SearchConfig config;

    CallService(DataSource dataSource, @io.quarkus.agroal.DataSource(SearchConfig.DATASOURCE) DataSource searches,
            CallDocuments documents, Outbox outbox, SearchConfig config) {
        this.dataSource = dataSource;
        this.searches = searches;
        this.documents = documents;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * One page of the matching calls: {@code {"calls": [...], "next_url": ..., "total": ...}}. A search waits for a
     * connection of searches as long as their pool says (then {@code 503}), never for one of the service's others.
     */
    @Transactional(Transactional.TxType.REQUIRED) // the search's time limit holds for its transaction
    public Map<String, Object> search(SqlCondition scope, CallSearch search, PageRequest request, UriInfo uri) {
        try (Connection connection = searches.getConnection()) {
            CallQuery query = CallQuery.prepare(connection, scope, search, config.statementTimeout());
            Page<UUID> page = Page.of(request, query, uri);
            Map<UUID, Map<String, Object>> calls = query.inRemainingTime(() -> documents.read(connection,
                    page.items()));
            return page.envelope("calls", calls::get);
        } catch (SQLException e) {
            throw new IllegalStateException("Call search failed", e);
        }
    }

    /** The call with its participants and files, when it exists within the scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, Object>> find(SqlCondition scope, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM call c WHERE c.call_id = ? AND (" + scope.sql() + ")")) {
            query.setObject(1, id);
            scope.bind(query, 2);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(documents.read(connection, List.of(id)).get(id))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a call failed", e);
        }
    }

    /**
     * Deletes the call with its participants and files, remembers it so that its recorder's late events do not bring
     * it back, and publishes {@code call.deleted} (for file storage to drop the audio) in the same transaction.
     *
     * @return whether the call existed within the scope
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(SqlCondition scope, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM call c WHERE c.call_id = ? AND (" + scope.sql() + ") RETURNING c.tenant_id");
                PreparedStatement ignore = connection.prepareStatement(
                        "INSERT INTO ignored_call (call_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            CallLocks.lock(connection, List.of(id)); // an ingest batch of this call in flight commits first
            delete.setObject(1, id);
            scope.bind(delete, 2);
            UUID tenant;
            try (ResultSet rows = delete.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                tenant = rows.getObject(1, UUID.class);
            }
            ignore.setObject(1, id);
            ignore.executeUpdate();
            outbox.publish(CallEvents.TOPIC, id.toString(), CallEvents.CALL_DELETED, CallEvents.VERSION, tenant,
                    Map.of("call", Map.of("call_id", id)));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting a call failed", e);
        }
    }
}
