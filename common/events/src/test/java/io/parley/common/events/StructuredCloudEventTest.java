package io.parley.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.parley.common.api.json.ApiObjectMapperCustomizer;

/** Events as Parley publishes them are CloudEvents that the CloudEvents SDK, a third-party reader, takes. */
class StructuredCloudEventTest {

    private final ObjectMapper mapper = ApiObjectMapperCustomizer.configure(new ObjectMapper());

    @Test
    void theCloudEventsSdkReadsAPublishedEventWithItsAttributesAndExtensions() throws Exception {
        UUID id = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        JsonNode data = mapper.readTree("{\"tenant\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"Acme\"}}");
        String json = mapper.writeValueAsString(StructuredCloudEvent.of(id, "/parley/directory-service",
                "tenant.updated", tenant.toString(), Instant.parse("2026-12-01T14:01:40.123456Z"), tenant, 3L, 1, data));

        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", StructuredCloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            CloudEvent event = deserializer.deserialize("directory.events", headers,
                    json.getBytes(StandardCharsets.UTF_8));

            assertEquals(SpecVersion.V1, event.getSpecVersion());
            assertEquals(id.toString(), event.getId());
            assertEquals(URI.create("/parley/directory-service"), event.getSource());
            assertEquals("tenant.updated", event.getType());
            assertEquals(tenant.toString(), event.getSubject());
            assertEquals(OffsetDateTime.parse("2026-12-01T14:01:40Z"), event.getTime());
            assertEquals("application/json", event.getDataContentType());
            assertEquals(tenant.toString(), event.getExtension("tenantid"));
            assertEquals(3, ((Number) event.getExtension("revision")).intValue());
            assertEquals(1, ((Number) event.getExtension("dataversion")).intValue());
            assertEquals(data, mapper.readTree(event.getData().toBytes()));
        }
    }

    @Test
    void timeIsRfc3339InUtcWithZAndWholeSeconds() throws Exception {
        JsonNode json = mapper.valueToTree(StructuredCloudEvent.of(UUID.randomUUID(), "/parley/call-service",
                "call.created", "c", Instant.parse("2026-12-01T14:01:40.999Z"), null, null, 1,
                mapper.createObjectNode()));
        assertEquals("2026-12-01T14:01:40Z", json.path("time").asText());
        assertEquals(false, json.has("tenantid"), "an event without a tenant leaves the attribute out");
        assertEquals(false, json.has("revision"), "an event without a revision leaves the attribute out");
    }
}
