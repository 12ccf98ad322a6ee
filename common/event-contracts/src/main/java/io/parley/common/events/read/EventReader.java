package io.parley.common.events.read;

import java.io.IOException;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.events.EventEnvelope;
import io.parley.common.events.StructuredCloudEvent;

/**
 * Reads a record's value as an event: a CloudEvent in structured mode, as Parley publishes them, or the version 1
 * envelope that compacted topics still hold (docs/events.md). A record that is neither is refused with a reason that
 * names the field, never the record's content.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope read(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("The record has no value");
        }
        try {
            JsonNode tree = mapper.readTree(value);
            if (tree == null || !tree.isObject()) {
                throw new MalformedEventException("The record is not an event envelope");
            }
            return tree.has("specversion") ? cloudEvent(tree) : versionOne(tree);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new MalformedEventException("The record is not an event envelope"
                        + MalformedEventException.at(e.getLocation()));
            }
            throw MalformedEventException.wrongType(null, e);
        } catch (JacksonException e) {
            throw MalformedEventException.notJson(e);
        } catch (IOException e) {
            throw new MalformedEventException("The record is not JSON in UTF-8");
        }
    }

    private EventEnvelope cloudEvent(JsonNode tree) throws IOException {
        StructuredCloudEvent event = mapper.treeToValue(tree, StructuredCloudEvent.class);
        if (!StructuredCloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("specversion", "is not " + StructuredCloudEvent.SPEC_VERSION);
        }
        if (event.id() == null || event.type() == null || event.data() == null) {
            throw new MalformedEventException("The event lacks id, type or data");
        }
        try {
            return event.toEnvelope();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("time", "is not an RFC 3339 date-time");
        }
    }

    private EventEnvelope versionOne(JsonNode tree) throws IOException {
        EventEnvelope event = mapper.treeToValue(tree, EventEnvelope.class);
        if (event.eventId() == null || event.type() == null || event.data() == null) {
            throw new MalformedEventException("The event lacks event_id, type or data");
        }
        return event;
    }
}
