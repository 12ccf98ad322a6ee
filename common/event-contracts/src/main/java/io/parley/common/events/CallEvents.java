package io.parley.common.events;

/**
 * The contract of {@code call.events} (see docs/events.md): call-service publishes every change to a call, keyed by
 * call id, with the call after the change as the API shows it: {@code {"call": {...}}}.
 */
public final class CallEvents {

    public static final String TOPIC = "call.events";
    public static final int VERSION = 1;

    /** A call Parley had not stored before. */
    public static final String CALL_CREATED = "call.created";
    /** A stored call changed: recorder events arrived, or it was associated. */
    public static final String CALL_UPDATED = "call.updated";
    /** A call was deleted; {@code data} holds its {@code call_id} only. */
    public static final String CALL_DELETED = "call.deleted";
    /**
     * The audio stored for a file differs from what its recorder reported ({@code file.completed}): {@code data} is
     * {@code {"file": {"call_id", "file_id", "reported": {"file_size", "watermark"}, "stored": {...}}}}.
     */
    public static final String FILE_MISMATCHED = "file.mismatched";

    private CallEvents() {
    }
}
