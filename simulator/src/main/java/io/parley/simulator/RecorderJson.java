package io.parley.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;

/**
 * The JSON a recorder writes (docs/recorder-events.md) from the contract's records: snake_case names, only the fields
 * the recorder reports (a field left out is "not given", so a {@code null} field is left out rather than written as
 * JSON {@code null}), date-times as UTC instants ({@code 2026-03-01T10:00:05Z}).
 */
final class RecorderJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            // registered after the Java time module, so that its form wins
            .addModule(new SimpleModule("recorder-instants").addSerializer(OffsetDateTime.class,
                    new OffsetDateTimeSerializer(OffsetDateTimeSerializer.INSTANCE, false, DateTimeFormatter.ISO_INSTANT,
                            JsonFormat.Shape.STRING)))
            .build();

    private RecorderJson() {
    }

    /**
     * The contract record with the fields a recorder reports, named as on the wire; the record's other fields stay
     * {@code null}. Bound by name, so that a field added to the contract changes nothing here, and a name or value
     * the contract does not have fails.
     */
    static <T extends Record> T reported(Class<T> contract, Map<String, ?> fields) {
        return MAPPER.convertValue(fields, contract);
    }
}
