package io.parley.common.api.time;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Date-times as the API writes them ({@code 2014-06-10T13:45:51+0800}) and reads them (that form, or RFC 3339 with a
 * colon in the offset or {@code Z}).
 */
public final class ApiDateTimes {

    /** The wire form: seconds precision, numeric offset without a colon. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** The zone of the response being written, while one is ({@link #writingIn}). */
    private static final ThreadLocal<ZoneId> WRITING_IN = new ThreadLocal<>();

    private ApiDateTimes() {
    }

    /** Something that writes a response. */
    @FunctionalInterface
    public interface Writing {
        void write() throws IOException;
    }

    /**
     * Runs {@code writing} with every date-time it serializes shown in {@code zone}: the caller's timezone for a
     * response (wire rules: dates in the API user's timezone). Outside it, a value keeps its own offset.
     */
    public static void writingIn(ZoneId zone, Writing writing) throws IOException {
        ZoneId outer = WRITING_IN.get();
        WRITING_IN.set(zone);
        try {
            writing.write();
        } finally {
            if (outer == null) {
                WRITING_IN.remove();
            } else {
                WRITING_IN.set(outer);
            }
        }
    }

    public static String format(OffsetDateTime value) {
        String common = CommonDateTimes.format(value);
        return common != null ? common : FORMAT.format(value);
    }

    /**
     * Parses an API date-time.
     *
     * @throws DateTimeParseException when the text is in neither accepted form or has no offset
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime common = CommonDateTimes.parse(text);
        return common != null ? common : OffsetDateTime.parse(text, PARSE);
    }

    public static JsonSerializer<OffsetDateTime> serializer() {
        return new StdSerializer<>(OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                ZoneId zone = WRITING_IN.get();
                gen.writeString(format(zone == null ? value : value.atZoneSameInstant(zone).toOffsetDateTime()));
            }
        };
    }

    public static JsonDeserializer<OffsetDateTime> deserializer() {
        return new JsonDeserializer<>() {
            @Override
            public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                try {
                    return parse(text);
                } catch (DateTimeParseException e) {
                    throw InvalidFormatException.from(parser, "Expected an ISO 8601 date-time with offset", text,
                            OffsetDateTime.class);
                }
            }
        };
    }
}
