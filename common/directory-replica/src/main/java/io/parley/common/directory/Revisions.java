package io.parley.common.directory;

import java.time.OffsetDateTime;

import io.parley.common.events.EventEnvelope;

/**
 * When an event is newer than the state a replica holds of its object: when its revision is higher (docs/events.md).
 * An event without a revision (0), published before directory objects had revisions, is newer only than a state that
 * has none either and an earlier {@code occurred_at}: such events are all older than any event with a revision.
 */
final class Revisions {

    /** The same rule in SQL, for an upsert: {@code EXCLUDED} is the event's row, {@code t} the one held. */
    static final String IS_NEWER_SQL = "(EXCLUDED.revision > t.revision"
            + " OR EXCLUDED.revision = 0 AND t.revision = 0 AND EXCLUDED.changed_at > t.changed_at)";

    private Revisions() {
    }

    static boolean isNewer(EventEnvelope event, long heldRevision, OffsetDateTime heldChangedAt) {
        long revision = event.revisionOrZero();
        return revision > heldRevision
                || revision == 0 && heldRevision == 0 && event.occurredAt().isAfter(heldChangedAt);
    }
}
