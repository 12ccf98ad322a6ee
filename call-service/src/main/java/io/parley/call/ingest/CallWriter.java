package io.parley.call.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.call.association.AssociationLock;
import io.parley.call.association.AutoProvisioning;
import io.parley.call.association.CallAssociation;
import io.parley.call.association.CallAssociation.Found;
import io.parley.call.association.CallAssociation.NewCall;
import io.parley.call.association.CallAssociation.RecorderTenant;
import io.parley.call.association.TenantConditions;
import io.parley.call.association.TenantConditions.Conditions;
import io.parley.call.call.CallBounds;
import io.parley.call.call.CallChanges;
import io.parley.call.call.CallLocks;
import io.parley.call.field.CallFields;
import io.parley.call.field.Field;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.call.integrity.AudioIntegrity;
import io.parley.common.events.call.Call;
import io.parley.common.events.inbox.ProcessedEvents;
import io.parley.common.events.read.MalformedEventException;

/**
 * Stores what recorder events say about calls, a batch of events at a time in the caller's transaction, with one
 * round trip per table. Applying an event twice changes nothing, and events may come in any order: a field takes the
 * value of the newest event that gave it, and an older event only fills fields still unknown. A call ends when a
 * {@code call.ended} event arrives, whatever comes after it. Calls are associated with the directory
 * ({@link CallAssociation}): new calls whose stored values are known beforehand ({@link NewCalls}) as they are first
 * stored, the others once their events are applied. Then users are asked of the directory for calls of no known user
 * where the tenant provisions them ({@link AutoProvisioning}), and each call is published on {@code call.events}
 * through the outbox, in the same transaction: one event per call and batch, with the call as it is after the batch.
 * A batch that would give a call more participants or files than {@link CallBounds} allows is refused as a whole
 * with a {@link MalformedEventException}, before anything is written; so is a batch in which a tenant's recorder
 * reports a call that is, or would be associated with, another tenant (docs/recorder-events.md, "Recorders and
 * tenants"), before it commits.
 */
@ApplicationScoped
class CallWriter {

    private static final String CALL_UPSERT = upsert("call", List.of("call_id"),
            Stream.concat(Stream.of(CallFields.CALL.field("recorder_id")), CallFields.REPORTED.stream()).toList(),
            List.of("ended_at", "tenant_id", "group_id", "client_id"), ", ended_at = LEAST(t.ended_at, EXCLUDED.ended_at)"
                    + keep("tenant_id") + keep("group_id") + keep("client_id"));
    private static final String PARTICIPANT_UPSERT = upsert("call_participant", List.of("call_id", "participant_id"),
            CallFields.PARTICIPANT_REPORTED, List.of("user_id"), keep("user_id"));
    private static final String FILE_UPSERT = upsert("call_file", List.of("call_id", "file_id"), CallFields.FILE_REPORTED,
            List.of(), "");

    private final DataSource dataSource;
    private final CallAssociation association;
    private final TenantConditions tenantConditions;
    private final AutoProvisioning provisioning;
    private final CallChanges changes;
    private final AudioIntegrity integrity;
    private final ProcessedEvents processed;
    private final String consumer;

    CallWriter(DataSource dataSource, CallAssociation association, TenantConditions tenantConditions,
            AutoProvisioning provisioning, CallChanges changes, AudioIntegrity integrity, ProcessedEvents processed,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.dataSource = dataSource;
        this.association = association;
        this.tenantConditions = tenantConditions;
        this.provisioning = provisioning;
        this.changes = changes;
        this.integrity = integrity;
        this.processed = processed;
        this.consumer = consumer;
    }

    /** Applies the events not applied before, in the order given; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    int apply(List<RecorderEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // before anything is read: a user's extensions made known meanwhile are seen, or late association waits
            AssociationLock.shared(connection);
            // a call deleted through the API meanwhile is seen as ignored below, not brought back
            CallLocks.lock(connection, events.stream().map(RecorderEvent::callId).toList());
            Set<UUID> fresh = processed.firstDeliveries(consumer,
                    events.stream().map(RecorderEvent::eventId).toList());
            Set<UUID> ignored = ignoredCalls(connection, events);
            List<RecorderEvent> toApply = events.stream()
                    .filter(event -> fresh.remove(event.eventId()) && !ignored.contains(event.callId())).toList();
            List<UUID> touched = toApply.stream().map(RecorderEvent::callId).distinct().toList();
            Map<UUID, OffsetDateTime> stored = storedCalls(connection, touched);
            List<EventPart> participantRows = new ArrayList<>();
            List<EventPart> fileRows = new ArrayList<>();
            for (RecorderEvent event : toApply) {
                event.participants().forEach(participant -> participantRows.add(new EventPart(event, participant)));
                if (event.file() != null) {
                    fileRows.add(new EventPart(event, event.file()));
                }
            }
            withinBounds(connection, participantRows, fileRows, stored.keySet());
            Map<UUID, RecorderTenant> recorders = recorderTenants(toApply, stored.keySet());
            List<CallRows.Row> rows = CallRows.of(toApply, stored);
            List<NewCall> newCalls = NewCalls.of(rows, toApply, stored.keySet(), recorders);
            Conditions conditions = tenantConditions.read(connection); // once for the batch, as it reads the replica
            Map<UUID, Found> found = association.ofNewCalls(connection, newCalls, conditions);
            if (found.values().stream().anyMatch(Found::crosses)) {
                throw crossesTenants();
            }
            // each batch is sent as multi-row upserts (reWriteBatchedInserts), one per layer of distinct keys
            try (PreparedStatement calls = connection.prepareStatement(CALL_UPSERT);
                    PreparedStatement participants = connection.prepareStatement(PARTICIPANT_UPSERT);
                    PreparedStatement files = connection.prepareStatement(FILE_UPSERT)) {
                for (List<CallRows.Row> layer : Layers.byKey(rows, CallRows.Row::callId)) {
                    for (CallRows.Row row : layer) {
                        addCall(calls, row, found.get(row.callId()));
                    }
                    calls.executeBatch(); // first: participants and files refer to their call
                }
                upsertParts(participants, participantRows, CallFields.PARTICIPANT_REPORTED, row -> {
                    Found ofCall = found.get(row.event().callId());
                    return ofCall == null ? null : ofCall.participantUsers().get(row.part().id());
                });
                upsertParts(files, fileRows, CallFields.FILE_REPORTED, null);
            }
            // a reported file_size or watermark is compared with audio uploaded before it (docs/audio.md)
            integrity.check(connection, toApply.stream().filter(event -> event.file() != null)
                    .map(RecorderEvent::callId).distinct().toList());
            if (!association.associate(connection, touched,
                    newCalls.stream().map(NewCall::callId).collect(Collectors.toSet()), recorders, conditions)
                    .isEmpty()) {
                throw crossesTenants();
            }
            provisioning.request(connection, touched);
            changes.publish(connection, touched, stored.keySet()); // a call dropped by association: deleted
            return toApply.size();
        }
    }

    /**
     * The tenant of the recorder of each call that a tenant's recorder reported in the batch; a call new to the batch
     * claims it (it takes the tenant if it finds none). Events of one call from recorders of two tenants: the batch is
     * refused, and applied event by event, the call is the first one's.
     */
    private static Map<UUID, RecorderTenant> recorderTenants(List<RecorderEvent> events, Set<UUID> stored) {
        Map<UUID, RecorderTenant> recorders = new HashMap<>();
        for (RecorderEvent event : events) {
            if (event.recorderTenant() != null) {
                RecorderTenant recorder = new RecorderTenant(event.recorderTenant(),
                        !stored.contains(event.callId()));
                RecorderTenant before = recorders.putIfAbsent(event.callId(), recorder);
                if (before != null && !before.equals(recorder)) {
                    throw crossesTenants();
                }
            }
        }
        return recorders;
    }

    /** An event whose call is or would be another tenant's than its recorder's: nothing of it is stored. */
    private static MalformedEventException crossesTenants() {
        return new MalformedEventException(
                "The event's call is, or would be associated with, another tenant than its recorder's");
    }

    /**
     * Refuses the batch when it would take a call over its participants or files ({@link CallBounds}): the consumer
     * then applies its events one by one, and the event that would is set aside.
     */
    private static void withinBounds(Connection connection, List<EventPart> participantRows, List<EventPart> fileRows,
            Set<UUID> stored) throws SQLException {
        Optional<CallBounds.Over> over = CallBounds.exceeded(connection, idsByCall(participantRows),
                idsByCall(fileRows), stored);
        if (over.isPresent()) {
            throw over.get() == CallBounds.Over.PARTICIPANTS
                    ? new MalformedEventException("call.participants",
                            "would give the call more than " + Call.PARTICIPANTS + " participants")
                    : new MalformedEventException("file.file_id",
                            "would give the call more than " + Call.FILES + " files");
        }
    }

    private static Map<UUID, Set<String>> idsByCall(List<EventPart> rows) {
        Map<UUID, Set<String>> ids = new HashMap<>();
        for (EventPart row : rows) {
            ids.computeIfAbsent(row.event().callId(), call -> new HashSet<>()).add(row.part().id());
        }
        return ids;
    }

    /** The time of the newest event applied to each of the calls already stored. */
    private static Map<UUID, OffsetDateTime> storedCalls(Connection connection, List<UUID> calls) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT call_id, last_event_at FROM call WHERE call_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", calls.toArray()));
            Map<UUID, OffsetDateTime> stored = new HashMap<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class));
                }
            }
            return stored;
        }
    }

    /** The calls among the events' that were dropped as calls of no known user (see {@link CallAssociation}). */
    private static Set<UUID> ignoredCalls(Connection connection, List<RecorderEvent> events) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT call_id FROM ignored_call WHERE call_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", events.stream().map(RecorderEvent::callId)
                    .distinct().toArray()));
            Set<UUID> ignored = new HashSet<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ignored.add(rows.getObject(1, UUID.class));
                }
            }
            return ignored;
        }
    }

    /** A stored call's row, or a new call's with what association found for it ({@code null} if nothing). */
    private static void addCall(PreparedStatement statement, CallRows.Row row, Found found) throws SQLException {
        int index = 1;
        statement.setObject(index++, row.callId());
        statement.setObject(index++, row.recorderId(), Types.OTHER);
        for (Field field : CallFields.REPORTED) {
            bind(statement, index++, field, row.fields().get(field.name()));
        }
        statement.setObject(index++, row.endedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(index++, found == null ? null : found.tenantId(), Types.OTHER);
        statement.setObject(index++, found == null ? null : found.groupId(), Types.OTHER);
        statement.setObject(index++, found == null ? null : found.clientId(), Types.OTHER);
        statement.setObject(index, row.eventAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.addBatch();
    }

    /** A participant or file as one event gave it. */
    private record EventPart(RecorderEvent event, Part part) {

        List<Object> key() {
            return List.of(event.callId(), part.id());
        }
    }

    /** @param user the user found for a participant's row ({@code null} if none); {@code null} for files */
    private static void upsertParts(PreparedStatement statement, List<EventPart> rows, List<Field> fields,
            Function<EventPart, UUID> user) throws SQLException {
        for (List<EventPart> layer : Layers.byKey(rows, EventPart::key)) {
            for (EventPart row : layer) {
                int index = 1;
                statement.setObject(index++, row.event().callId());
                statement.setString(index++, row.part().id());
                for (Field field : fields) {
                    bind(statement, index++, field, row.part().fields().get(field.name()));
                }
                if (user != null) {
                    statement.setObject(index++, user.apply(row), Types.OTHER);
                }
                statement.setObject(index, row.event().occurredAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int index, Field field, Object value) throws SQLException {
        int type = switch (field.kind()) {
            case UUID -> Types.OTHER;
            case TEXT -> Types.VARCHAR;
            case CODE -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE_TIME -> Types.TIMESTAMP_WITH_TIMEZONE;
            case LIST -> throw new IllegalArgumentException(field.name() + " is no column");
        };
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value, type);
        }
    }

    /** Merges an association column: what the stored row holds stays. */
    private static String keep(String column) {
        return ", " + column + " = COALESCE(t." + column + ", EXCLUDED." + column + ")";
    }

    /**
     * An INSERT of one row that, for a row already there, merges field by field: the newer event's non-null values
     * win, an older event only fills nulls, and the row remembers the newest event applied.
     */
    private static String upsert(String table, List<String> keys, List<Field> fields, List<String> extraColumns,
            String extraMerge) {
        List<String> columns = Stream.of(keys.stream(), fields.stream().map(Field::name), extraColumns.stream(),
                Stream.of("last_event_at")).flatMap(Function.identity()).toList();
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        String merges = fields.stream().map(Field::name).map(name -> name + " = CASE WHEN EXCLUDED.last_event_at"
                + " >= t.last_event_at THEN COALESCE(EXCLUDED." + name + ", t." + name + ") ELSE COALESCE(t." + name
                + ", EXCLUDED." + name + ") END").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " AS t (" + String.join(", ", columns) + ") VALUES (" + placeholders + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + merges + extraMerge
                + ", last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)";
    }
}
