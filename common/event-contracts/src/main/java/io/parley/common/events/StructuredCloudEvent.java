package io.parley.common.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as Parley publishes it: CloudEvents 1.0 in the structured content mode of its Kafka protocol binding (see
 * docs/events.md). The record's value is this JSON, its {@code content-type} header {@link #CONTENT_TYPE}. Beside
 * the spec's attributes it carries three extensions: {@code tenantid}, the changed object's {@code revision} where
 * its publisher keeps one, and {@code dataversion}, the contract version of {@code data} for its type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "tenantid", "revision",
        "dataversion", "data" })
public record StructuredCloudEvent(String specversion, UUID id, String source, String type, String subject,
        String time, String datacontenttype, UUID tenantid, Long revision, Integer dataversion, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** The {@code content-type} header of a structured-mode record, as the Kafka protocol binding names it. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** RFC 3339 in UTC with {@code Z} and whole seconds: the form every consumer's date parser takes. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The event of {@code data}, published by {@code source} ({@code /parley/<service>}) about {@code subject}, the
     * changed object's id.
     */
    public static StructuredCloudEvent of(UUID id, String source, String type, String subject, Instant time,
            UUID tenantId, Long revision, int dataVersion, JsonNode data) {
        return new StructuredCloudEvent(SPEC_VERSION, id, source, type, subject, TIME.format(time), "application/json",
                tenantId, revision, dataVersion, data);
    }

    /** The event as consumers apply it; {@code dataversion} left out reads as version 1. */
    public EventEnvelope toEnvelope() {
        return new EventEnvelope(id, type, dataversion == null ? 1 : dataversion,
                time == null ? null : OffsetDateTime.parse(time), tenantid, revision, data);
    }
}
