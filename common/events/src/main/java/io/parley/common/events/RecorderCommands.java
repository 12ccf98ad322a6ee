package io.parley.common.events;

/**
 * The contract of {@code recorder.commands} (see docs/recorder-events.md, "Commands"): call-service tells recorders
 * what to do with a call they record, keyed by call id, with {@code data} {@code {"call_id", "recorder_id",
 * "requested_by"}}; the envelope's {@code event_id} is the command's id.
 */
public final class RecorderCommands {

    public static final String TOPIC = "recorder.commands";
    public static final int VERSION = 1;

    /** Pause recording the call (reference 3.1.8 mute). */
    public static final String CALL_MUTE = "call.mute";
    /** Resume recording the call (reference 3.1.8 unmute). */
    public static final String CALL_UNMUTE = "call.unmute";

    private RecorderCommands() {
    }
}
