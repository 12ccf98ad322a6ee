package io.parley.call.call;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.call.search.CallQuery;
import io.parley.call.search.CallSearch;
import io.parley.call.search.SearchConfig;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.events.CallEvents;
import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallDeleted;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.sql.Jdbc;
import io.parley.common.sql.Sql;

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
     * One page of the matching calls. A search waits for a
     * connection of searches as long as their pool says (then {@code 503}), never for one of the service's others.
     */
    @Transactional(Transactional.TxType.REQUIRED) // the search's time limit holds for its transaction
    public CallPage search(Sql scope, CallSearch search, PageRequest request, UriInfo uri) {
        return Jdbc.on(searches, "Searching calls", connection -> {
            CallQuery query = CallQuery.prepare(connection, scope, search, config.statementTimeout());
            Page<UUID> page = Page.of(request, query, uri);
            return CallPage.of(page, query.inRemainingTime(() -> documents.read(connection, page.items())));
        });
    }

    /** The call with its participants and files, when it exists within the scope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Call> find(Sql scope, UUID id) {
        return Jdbc.on(dataSource, "Reading a call", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM call c WHERE c.call_id = ? AND (" + scope.sql() + ")")) {
                query.setObject(1, id);
                scope.bind(query, 2);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(documents.read(connection, List.of(id)).get(id))
                            : Optional.<Call> empty();
                }
            }
        });
    }

    /**
     * Deletes the call with its participants and files, remembers it so that its recorder's late events do not bring
     * it back, and publishes {@code call.deleted} (for file storage to drop the audio) in the same transaction.
     *
     * @return whether the call existed within the scope
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(Sql scope, UUID id) {
        return Jdbc.on(dataSource, "Deleting a call", connection -> {
            CallLocks.lock(connection, List.of(id)); // an ingest batch of this call in flight commits first
            UUID tenant;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM call c WHERE c.call_id = ? AND (" + scope.sql() + ") RETURNING c.tenant_id")) {
                delete.setObject(1, id);
                scope.bind(delete, 2);
                try (ResultSet rows = delete.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    tenant = rows.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement ignore = connection.prepareStatement(
                    "INSERT INTO ignored_call (call_id) VALUES (?) ON CONFLICT DO NOTHING")) {
                ignore.setObject(1, id);
                ignore.executeUpdate();
            }
            outbox.publish(CallEvents.TOPIC, id.toString(), CallEvents.CALL_DELETED, CallEvents.VERSION, tenant,
                    CallDeleted.of(id));
            return true;
        });
    }
}
