package io.parley.common.events.inbox;

/** A record on an event topic that cannot be read as an event; it goes to the dead-letter topic with this reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
