package io.parley.common.events.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.json.ApiObjectMapperCustomizer;
import io.parley.common.events.EventEnvelope;

/** Consumers read events in both envelopes: CloudEvents as published now, version 1 as compacted topics keep it. */
class EventReaderTest {

    private final ObjectMapper mapper = ApiObjectMapperCustomizer.configure(new ObjectMapper());
    private final EventReader reader = new EventReader(mapper);
    private final UUID id = UUID.randomUUID();
    private final UUID tenant = UUID.randomUUID();

    @Test
    void aCloudEventIsReadWithItsExtensions() throws Exception {
        EventEnvelope event = read(cloudEvent("\"1.0\"", "\"2026-12-01T14:01:40Z\"", ", \"dataversion\": 2"));
        assertEquals(new EventEnvelope(id, "user.updated", 2, OffsetDateTime.parse("2026-12-01T14:01:40Z"), tenant, 7L,
                mapper.readTree("{\"user\": {\"name\": \"x\"}}")), event);
    }

    @Test
    void aCloudEventWithoutDataversionIsOfVersionOne() {
        assertEquals(1, read(cloudEvent("\"1.0\"", "\"2026-12-01T14:01:40Z\"", "")).version());
    }

    @Test
    void aVersionOneEnvelopeIsReadAsBefore() throws Exception {
        EventEnvelope event = read("""
                {"event_id": "%s", "type": "user.updated", "version": 1, "occurred_at": "2026-12-01T14:01:40+0000",
                 "tenant_id": "%s", "revision": 7, "data": {"user": {"name": "x"}}}""".formatted(id, tenant));
        assertEquals(new EventEnvelope(id, "user.updated", 1, OffsetDateTime.parse("2026-12-01T14:01:40Z"), tenant, 7L,
                mapper.readTree("{\"user\": {\"name\": \"x\"}}")), event);
    }

    @Test
    void whatBreaksTheEnvelopeIsNamed() {
        assertEquals("specversion", refused(cloudEvent("\"0.3\"", "\"2026-12-01T14:01:40Z\"", "")).field());
        assertEquals("specversion", refused(cloudEvent("{}", "\"2026-12-01T14:01:40Z\"", "")).field());
        assertEquals("time", refused(cloudEvent("\"1.0\"", "\"yesterday\"", "")).field());
        assertEquals("tenantid", refused(cloudEvent("\"1.0\"", "\"2026-12-01T14:01:40Z\"", "")
                .replace(tenant.toString(), "not-a-uuid")).field());
        assertEquals("The event lacks id, type or data", refused(cloudEvent("\"1.0\"", "\"2026-12-01T14:01:40Z\"", "")
                .replace("\"data\"", "\"payload\"")).getMessage());
        assertEquals("The event lacks event_id, type or data",
                refused("{\"type\": \"user.updated\", \"version\": 1}").getMessage());
        assertEquals("The record is not an event envelope", refused("[1]").getMessage());
        assertEquals("The record has no value", assertThrows(MalformedEventException.class, () -> reader.read(null))
                .getMessage());
    }

    private String cloudEvent(String specversion, String time, String extensions) {
        return """
                {"specversion": %s, "id": "%s", "source": "/parley/directory-service", "type": "user.updated",
                 "subject": "u", "time": %s, "datacontenttype": "application/json", "tenantid": "%s", "revision": 7%s,
                 "data": {"user": {"name": "x"}}}""".formatted(specversion, id, time, tenant, extensions);
    }

    private EventEnvelope read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private MalformedEventException refused(String json) {
        return assertThrows(MalformedEventException.class, () -> read(json));
    }
}
