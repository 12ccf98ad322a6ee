package io.parley.common.events;

/**
 * The contract of {@code recorder.commands} (see docs/recorder-events.md, "Commands"): call-service tells recorders
 * what to do with a call they record, keyed by call id, with {@code data}
 * {@link io.parley.common.events.command.CallCommandData}; the envelope's {@code id} is the command's id.
 */
public final class RecorderCommands {

    public static final String TOPIC = "recorder.commands";
    /** The newest {@code dataversion} of the topic's types, which its consumers read. */
    public static final int VERSION = 1;

    /** Pause recording the call (reference 3.1.8 mute). */
    public static final String CALL_MUTE = "call.mute";
    /** Resume recording the call (reference 3.1.8 unmute). */
    public static final String CALL_UNMUTE = "call.unmute";

    private RecorderCommands() {
    }
}
