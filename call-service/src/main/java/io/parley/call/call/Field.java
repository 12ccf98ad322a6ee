package io.parley.call.call;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.parley.common.api.text.BoundedText;
import io.parley.common.api.time.ApiDateTimes;
import io.parley.common.events.inbox.MalformedEventException;

/**
 * One field of a call, participant or file object (reference 3.1.1-3.1.3), stored in the column of the same name. It
 * reads its value from a recorder event's JSON, refusing values of the wrong type or outside the reference's value
 * set.
 */
public record Field(String name, Kind kind, List<Integer> codes) {

    public enum Kind {
        UUID,
        TEXT,
        CODE,
        INTEGER,
        LONG,
        BOOLEAN,
        DATE_TIME
    }

    public static Field of(String name, Kind kind) {
        return new Field(name, kind, List.of());
    }

    /** A small integer code from {@code first} to {@code last}, e.g. {@code call_state} 1 to 8. */
    public static Field code(String name, int first, int last) {
        return new Field(name, Kind.CODE, IntStream.rangeClosed(first, last).boxed().toList());
    }

    /** A small integer code with the listed values, e.g. {@code record_state} 10, 20, 30, 40. */
    public static Field codes(String name, Integer... values) {
        return new Field(name, Kind.CODE, List.of(values));
    }

    /** The field's value in {@code object}, or {@code null} when it is absent or JSON null. */
    public Object read(JsonNode object, String path) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (kind) {
            case UUID -> uuid(node, path);
            case TEXT -> text(node, path);
            case CODE -> code(node, path);
            case INTEGER -> (int) integer(node, path, 0, 65_535);
            case LONG -> integer(node, path, 0, Long.MAX_VALUE);
            case BOOLEAN -> bool(node, path);
            case DATE_TIME -> dateTime(node, path);
        };
    }

    private UUID uuid(JsonNode node, String path) {
        try {
            return java.util.UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(path, "must be a UUID");
        }
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual() && !node.isNumber()) {
            throw invalid(path, "must be a string");
        }
        String text = node.asText();
        if (!BoundedText.fits(text, CallBounds.TEXT_BYTES)) {
            throw invalid(path, BoundedText.rule(CallBounds.TEXT_BYTES));
        }
        return text;
    }

    private short code(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || !codes.contains(node.intValue())) {
            throw invalid(path, "must be one of " + codes);
        }
        return (short) node.intValue();
    }

    private long integer(JsonNode node, String path, long lowest, long highest) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < lowest
                || node.longValue() > highest) {
            throw invalid(path, "must be an integer from " + lowest + " to " + highest);
        }
        return node.longValue();
    }

    private boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw invalid(path, "must be true or false");
        }
        return node.booleanValue();
    }

    private OffsetDateTime dateTime(JsonNode node, String path) {
        try {
            return ApiDateTimes.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw invalid(path, "must be an ISO 8601 date-time with an offset");
        }
    }

    private MalformedEventException invalid(String path, String rule) {
        return new MalformedEventException(path + name, rule);
    }
}
