package io.parley.call.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.common.events.recording.RecordingEvent.Type;

/**
 * The call rows a batch of events upserts: fewer rows than events, with the same outcome. The upsert merges a row
 * into the stored call field by field: an event at least as new as the call's newest applied event overrides the
 * fields it gives, an older one only fills fields still unknown. So a call's consecutive events in time order, the
 * first of them at least as new as the call's newest applied event, would each override the one before: together
 * they are one row whose fields are the newest values given and whose time is the last event's. Any other event (one
 * older than what the call already holds) stays a row of its own, and the upsert's rules apply to it unchanged. A
 * file's event makes a row only for a call that has none yet, so that the file has a call to belong to.
 */
final class CallRows {

    /** Older than any event: a call row made for a file reported before its call gives way to every call event. */
    static final OffsetDateTime BEFORE_ANY_EVENT = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * One upsert of the call table.
     *
     * @param fields the reported fields given, by name (never a {@code null} value)
     * @param endedAt when a {@code call.ended} among the merged events occurred, the earliest; {@code null} if none
     * @param eventAt the time of the newest merged event
     */
    record Row(UUID callId, UUID recorderId, Map<String, Object> fields, OffsetDateTime endedAt,
            OffsetDateTime eventAt) {
    }

    private CallRows() {
    }

    /**
     * @param stored the time of the newest event applied to each stored call among the events'; a call not in it is
     *        new
     * @return the rows, in the order of the events they come from; a call's rows keep its events' order
     */
    static List<Row> of(List<RecorderEvent> events, Map<UUID, OffsetDateTime> stored) {
        List<Row> rows = new ArrayList<>(events.size());
        Map<UUID, Integer> open = new HashMap<>(); // a call's last row, while later events may still merge into it
        Map<UUID, OffsetDateTime> newest = new HashMap<>(stored);
        for (RecorderEvent event : events) {
            UUID call = event.callId();
            if (event.type() == Type.FILE_COMPLETED && newest.containsKey(call)) {
                continue; // the call has its row: a file's event gives no call field, and would change nothing
            }
            Row row = row(event);
            Integer last = open.get(call);
            if (last != null && !row.eventAt().isBefore(rows.get(last).eventAt())) {
                rows.set(last, merge(rows.get(last), row));
            } else {
                OffsetDateTime held = newest.get(call);
                if (held == null || !row.eventAt().isBefore(held)) {
                    open.put(call, rows.size());
                } else {
                    open.remove(call); // an older event: a row of its own, and nothing merges into it
                }
                rows.add(row);
            }
            newest.merge(call, row.eventAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return rows;
    }

    private static Row row(RecorderEvent event) {
        boolean fileOnly = event.type() == Type.FILE_COMPLETED;
        Map<String, Object> fields = new LinkedHashMap<>();
        event.call().forEach((name, value) -> {
            if (value != null) {
                fields.put(name, value);
            }
        });
        return new Row(event.callId(), fileOnly ? null : event.recorderId(), fields,
                event.type() == Type.CALL_ENDED ? event.occurredAt() : null,
                fileOnly ? BEFORE_ANY_EVENT : event.occurredAt());
    }

    /** {@code newer} overrides what {@code older} gave; the call ended at the earlier of their ends. */
    private static Row merge(Row older, Row newer) {
        Map<String, Object> fields = new LinkedHashMap<>(older.fields());
        fields.putAll(newer.fields());
        OffsetDateTime endedAt = older.endedAt() == null ? newer.endedAt()
                : newer.endedAt() == null || older.endedAt().isBefore(newer.endedAt()) ? older.endedAt()
                        : newer.endedAt();
        return new Row(older.callId(), newer.recorderId() != null ? newer.recorderId() : older.recorderId(), fields,
                endedAt, newer.eventAt());
    }
}
