package io.parley.common.events.inbox;

/** A record on an event topic that cannot be read as an event; it goes to the dead-letter topic with this reason. */
public class MalformedEventException extends RuntimeException {

    private final String field;

    /** The record as a whole cannot be read (not JSON, no value). */
    public MalformedEventException(String reason) {
        super(reason);
        this.field = null;
    }

    /** One field breaks the contract; the reason reads {@code <field> <rule>}, e.g. {@code call.call_state must be ...}. */
    public MalformedEventException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    /** The field's path in the event ({@code call.participants[0].party_direction}), {@code null} for the whole record. */
    public String field() {
        return field;
    }
}
