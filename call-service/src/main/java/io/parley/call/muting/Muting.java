package io.parley.call.muting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.parley.call.access.CallScope;
import io.parley.common.api.error.ApiException;
import io.parley.common.events.RecorderCommands;
import io.parley.common.events.command.CallCommandData;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.security.Caller;
import io.parley.common.sql.Jdbc;
import io.parley.common.sql.Sql;

/**
 * Pauses and resumes the recording of active calls (reference 3.1.8, 3.7.7). The call's row is locked while the
 * request is recorded, so that a {@code call.ended} stored meanwhile either waits for it or is seen by it (then
 * {@code 409}). The request is kept in {@code call_muting} and the command goes to the call's recorder on
 * {@code recorder.commands} through the outbox, in the same transaction.
 */
@ApplicationScoped
class Muting {

    /** A call as the request found it, its row locked. */
    private record LockedCall(UUID callId, UUID tenantId, UUID recorderId, OffsetDateTime endedAt) {
    }

    private final DataSource dataSource;
    private final Outbox outbox;

    Muting(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** @throws ApiException 404 for a call unknown or out of scope, 409 for a call that has ended */
    @Transactional
    void call(Caller caller, UUID callId, MutingAction action) {
        Jdbc.on(dataSource, "Muting a call", connection -> {
            LockedCall call = lock(connection, caller, callId).orElseThrow(() -> ApiException.notFound("Call"));
            return record(connection, caller, call, action);
        });
    }

    /**
     * Acts on the user's current active call: the newest call in the caller's scope that has not ended and that the
     * user takes part in and has not left.
     *
     * @throws ApiException 404 when the user has no such call, 409 when it ended while the request was made
     */
    @Transactional
    void usersActiveCall(Caller caller, UUID userId, MutingAction action) {
        Jdbc.on(dataSource, "Muting a user's call", connection -> {
            UUID callId = activeCall(connection, caller, userId)
                    .orElseThrow(() -> ApiException.notFound("Active call of the user"));
            LockedCall call = lock(connection, caller, callId)
                    .orElseThrow(() -> ApiException.notFound("Active call of the user"));
            return record(connection, caller, call, action);
        });
    }

    /** @return the command's id */
    private UUID record(Connection connection, Caller caller, LockedCall call, MutingAction action)
            throws SQLException {
        if (call.endedAt() != null) {
            throw ApiException.conflict("InvalidState", "The call is no longer active");
        }
        UUID commandId = outbox.publish(RecorderCommands.TOPIC, call.callId().toString(), action.command,
                RecorderCommands.VERSION, call.tenantId(), new CallCommandData(call.callId(), call.recorderId(),
                        caller.userId()));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO call_muting"
                + " (command_id, call_id, action, requested_by, requested_at) VALUES (?, ?, ?, ?, now())")) {
            insert.setObject(1, commandId);
            insert.setObject(2, call.callId());
            insert.setString(3, action.wireName);
            insert.setObject(4, caller.userId());
            insert.executeUpdate();
        }
        return commandId;
    }

    private static Optional<LockedCall> lock(Connection connection, Caller caller, UUID callId) throws SQLException {
        Sql scope = CallScope.of(caller, CallScope.PAUSE_RECORDING);
        try (PreparedStatement query = connection.prepareStatement("SELECT c.call_id, c.tenant_id, c.recorder_id,"
                + " c.ended_at FROM call c WHERE c.call_id = ? AND (" + scope.sql() + ") FOR UPDATE OF c")) {
            query.setObject(1, callId);
            scope.bind(query, 2);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new LockedCall(rows.getObject(1, UUID.class),
                        rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                        rows.getObject(4, OffsetDateTime.class))) : Optional.empty();
            }
        }
    }

    private static Optional<UUID> activeCall(Connection connection, Caller caller, UUID userId) throws SQLException {
        Sql scope = CallScope.of(caller, CallScope.PAUSE_RECORDING);
        try (PreparedStatement query = connection.prepareStatement("SELECT c.call_id FROM call c"
                + " JOIN call_participant p ON p.call_id = c.call_id"
                + " WHERE p.user_id = ? AND p.leave_time IS NULL AND c.ended_at IS NULL AND (" + scope.sql() + ")"
                + " ORDER BY c.setup_time DESC NULLS LAST, c.created_at DESC LIMIT 1")) {
            query.setObject(1, userId);
            scope.bind(query, 2);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
