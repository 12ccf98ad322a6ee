package io.parley.common.events.read;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;

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

    /** A record that is not JSON: where the parser stopped, not its message, which may quote the record. */
    public static MalformedEventException notJson(JacksonException error) {
        return new MalformedEventException("The record is not JSON in UTF-8" + at(error.getLocation()));
    }

    /**
     * A value that cannot be bound to its field's type: the field's path, under {@code root} when it is not
     * {@code null}, and never the value, which the binder's message would quote.
     */
    public static MalformedEventException wrongType(String root, JsonMappingException error) {
        String field = Stream.concat(Stream.ofNullable(root), error.getPath().stream().map(reference -> reference
                .getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]"))
                .collect(Collectors.joining(".")).replace(".[", "[");
        return field.isEmpty() ? new MalformedEventException("The record has the wrong type or format")
                : new MalformedEventException(field, "has the wrong type or format");
    }

    /**
     * An event of a newer contract version than the consumer was written for: its publisher was upgraded first, and
     * the event is replayed once the consumer is upgraded too.
     */
    public static MalformedEventException newerVersion(int version, int newest) {
        return new MalformedEventException("dataversion", "is " + version + ", newer than the " + newest
                + " this consumer reads: upgrade it, then replay this event");
    }

    /** Where in the record: {@code " (line 1, column 12)"}, or nothing when the parser does not say. */
    public static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The field's path in the event ({@code call.participants[0].party_direction}), {@code null} for the whole record. */
    public String field() {
        return field;
    }
}
