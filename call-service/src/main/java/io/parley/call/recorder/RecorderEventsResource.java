package io.parley.call.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.call.call.CallBounds;
import io.parley.call.ingest.RecorderEvent;
import io.parley.call.ingest.RecorderEventReader;
import io.parley.common.api.error.ApiError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.events.read.MalformedEventException;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/**
 * {@code POST /recorder/v1/events}: recorders that cannot speak Kafka post the events they would publish on
 * {@code recording.events} (docs/recorder-events.md), one JSON object or a JSON array of them. Every event is checked
 * against the contract first, so that a malformed one is a {@code 400} naming the field rather than a dead letter
 * later; and, from a tenant's recorder, against its tenant ({@link Recorders}): an event whose call is or would be
 * another tenant's is a {@code 403}. Then nothing of the request is published. {@code 202} means that the broker has
 * stored every event of the request, each stamped with the recorder's tenant.
 */
@Tag(name = "Recorders", description = "What recorders send: call events and audio (docs/recorder-events.md, docs/audio.md)")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
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
    private final Recorders recorders;
    private final OtherTenantCalls otherTenantCalls;
    private final Caller caller;

    RecorderEventsResource(RecorderEventReader reader, RecorderEventPublisher publisher, ObjectMapper mapper,
            Recorders recorders, OtherTenantCalls otherTenantCalls, Caller caller) {
        this.reader = reader;
        this.publisher = publisher;
        this.mapper = mapper;
        this.recorders = recorders;
        this.otherTenantCalls = otherTenantCalls;
        this.caller = caller;
    }

    @Operation(operationId = "publish_recorder_events", summary = "Report call events", description = "One event or an array of events, as docs/recorder-events.md describes them; accepted events are applied in order, per call.")
    @APIResponse(responseCode = "202", description = "Accepted; applied shortly")
    @APIResponse(responseCode = "403", description = "Not permitted (text/plain), or an event of another tenant's call (JSON, error OtherTenant)", content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)) })
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "413", description = "Longer than the largest body taken", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("recorder:publish")
    public Response publish(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "A recorder event, or an array of them (docs/recorder-events.md)"))) InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        JsonNode posted = mapper.readTree(bytes); // not JSON: 400 InvalidJson (ApiExceptionMappers)
        boolean array = posted != null && posted.isArray();
        List<RecorderEvent> events = new ArrayList<>();
        List<RecorderEventPublisher.Posted> toPublish = new ArrayList<>();
        for (int i = 0; i < (array ? posted.size() : 1); i++) {
            JsonNode event = array ? posted.get(i) : posted;
            RecorderEvent read = checked(event, position(array, i));
            events.add(read);
            toPublish.add(new RecorderEventPublisher.Posted(read.callId().toString(),
                    array ? event.toString() : new String(bytes, StandardCharsets.UTF_8)));
        }
        Optional<UUID> tenant = recorders.tenantOf(caller);
        if (tenant.isPresent()) {
            otherTenantCalls.first(events, tenant.get()).ifPresent(crossing -> {
                throw otherTenant(position(array, crossing.index()), crossing);
            });
        }
        publisher.publish(toPublish, tenant);
        return Response.accepted().build();
    }

    /** The event, once it is known to keep the contract. */
    private RecorderEvent checked(JsonNode event, String position) {
        if (event == null || !event.isObject()) {
            throw ApiException.invalidField(position.isEmpty() ? "event" : position, "invalid",
                    "must be a recorder event (a JSON object)");
        }
        try {
            return reader.read(event);
        } catch (MalformedEventException e) {
            throw ApiException.invalidField(field(position, e.field()), "invalid", e.getMessage());
        }
    }

    /**
     * The {@code 403} for an event whose call is or would be another tenant's: the reason names the event and its
     * field, and nothing of the other tenant.
     */
    private static ApiException otherTenant(String position, OtherTenantCalls.Crossing crossing) {
        String field = field(position, crossing.field());
        return new ApiException(403, new ApiError("OtherTenant", "A recorder reports only its own tenant's calls",
                new ApiError.Details(List.of(new ApiError.FieldError(field, "other_tenant",
                        field + " " + crossing.reason())))));
    }

    /** An event's position in the body: {@code [2]} in an array, nothing for a lone event. */
    private static String position(boolean array, int index) {
        return array ? "[" + index + "]" : "";
    }

    private static String field(String position, String field) {
        return position.isEmpty() ? field : position + "." + field;
    }
}
