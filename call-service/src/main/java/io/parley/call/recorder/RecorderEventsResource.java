package io.parley.call.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.call.CallBounds;
import io.parley.call.ingest.RecorderEventReader;
import io.parley.common.api.error.ApiException;
import io.parley.common.events.inbox.MalformedEventException;
import io.quarkus.security.PermissionsAllowed;

/**
 * {@code POST /recorder/v1/events}: recorders that cannot speak Kafka post the events they would publish on
 * {@code recording.events} (docs/recorder-events.md), one JSON object or a JSON array of them. Every event is checked
 * against the contract first, so that a malformed one is a {@code 400} naming the field rather than a dead letter
 * later; {@code 202} means that the broker has stored every event of the request.
 */
@Path("/recorder/v1/events")
public class RecorderEventsResource {

    /**
     * Room for the largest event the contract allows ({@link CallBounds}: 100 participants, every text at its bound,
     * about 393 KB of JSON), and within Kafka's 1 MiB record, which each event of the body becomes.
     */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final RecorderEventReader reader;
    private final RecorderEventPublisher publisher;
    private final ObjectMapper mapper;

    RecorderEventsResource(RecorderEventReader reader, RecorderEventPublisher publisher, ObjectMapper mapper) {
        this.reader = reader;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("recorder:publish")
    public Response publish(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        JsonNode posted = mapper.readTree(bytes); // not JSON: 400 InvalidJson (ApiExceptionMappers)
        List<RecorderEventPublisher.Posted> events = new ArrayList<>();
        if (posted != null && posted.isArray()) {
            for (int i = 0; i < posted.size(); i++) {
                events.add(checked(posted.get(i), "[" + i + "]", posted.get(i).toString()));
            }
        } else {
            events.add(checked(posted, "", new String(bytes, StandardCharsets.UTF_8)));
        }
        publisher.publish(events);
        return Response.accepted().build();
    }

    /** The event as it will be published, once it is known to keep the contract. */
    private RecorderEventPublisher.Posted checked(JsonNode event, String position, String json) {
        if (event == null || !event.isObject()) {
            throw ApiException.invalidField(position.isEmpty() ? "event" : position, "invalid",
                    "must be a recorder event (a JSON object)");
        }
        try {
            return new RecorderEventPublisher.Posted(reader.read(event).callId().toString(), json);
        } catch (MalformedEventException e) {
            String field = position.isEmpty() ? e.field() : position + "." + e.field();
            throw ApiException.invalidField(field, "invalid", e.getMessage());
        }
    }
}
