package io.parley.call.call;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.CallEvents;
import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallDeleted;
import io.parley.common.events.call.CallDocument;
import io.parley.common.events.outbox.Outbox;

/**
 * Publishes stored changes to calls on {@code call.events} through the outbox (docs/events.md), in the caller's transaction.
 */
@ApplicationScoped
public class CallChanges {

    private final CallDocuments documents;
    private final Outbox outbox;

    CallChanges(CallDocuments documents, Outbox outbox) {
        this.documents = documents;
        this.outbox = outbox;
    }

    /**
     * One event per call, with the call as it is now: {@code call.created} for a call not in {@code existed},
     * {@code call.updated} for one that was, {@code call.deleted} for one that was and is gone.
     */
    public void publish(Connection connection, Collection<UUID> calls, Set<UUID> existed) throws SQLException {
        Map<UUID, Call> stored = documents.read(connection, calls);
        List<Outbox.Message> changes = new ArrayList<>(calls.size());
        for (UUID id : calls) {
            Call call = stored.get(id);
            if (call != null) {
                changes.add(new Outbox.Message(id.toString(),
                        existed.contains(id) ? CallEvents.CALL_UPDATED : CallEvents.CALL_CREATED, call.tenantId(),
                        new CallDocument(call)));
            } else if (existed.contains(id)) {
                changes.add(new Outbox.Message(id.toString(), CallEvents.CALL_DELETED, null, CallDeleted.of(id)));
            }
        }
        outbox.publishAll(CallEvents.TOPIC, CallEvents.VERSION, changes);
    }
}
