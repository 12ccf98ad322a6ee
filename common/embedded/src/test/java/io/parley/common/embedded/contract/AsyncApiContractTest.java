package io.parley.common.embedded.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The check producers' tests run on what they publish: a record the contract describes passes, and a record that
 * differs from it in its data, its envelope, its headers or its key fails, naming what is wrong.
 */
class AsyncApiContractTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.ofRepository();
    private static final String CALL = UUID.randomUUID().toString();
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    @Test
    void aRecordTheContractDescribesPasses() {
        assertEquals(List.of(), CONTRACT.violations(record("call.events", CALL, callDeleted("\"call_id\"", CALL),
                Map.of("content-type", CONTENT_TYPE, "X-Request-Id", "r-1"))));
    }

    @Test
    void aRecorderEventPassesOnItsOwnFormat() {
        String event = "{\"event_id\": \"" + UUID.randomUUID() + "\", \"type\": \"call.started\","
                + " \"occurred_at\": \"2026-03-01T10:00:00+0000\", \"recorder_id\": \"" + UUID.randomUUID() + "\","
                + " \"call\": {\"call_id\": \"" + CALL + "\", \"call_state\": 1, \"participants\":"
                + " [{\"participant_id\": \"1\", \"party_number\": \"100\"}]}}";
        assertEquals(List.of(), CONTRACT.violations(record("recording.events", CALL, event, Map.of())));
    }

    @Test
    void aRenamedDataFieldFails() {
        assertFails(record("call.events", CALL, callDeleted("\"callId\"", CALL), Map.of("content-type",
                CONTENT_TYPE)), "/data/call");
    }

    @Test
    void aDataFieldOfTheWrongTypeFails() {
        assertFails(record("call.events", CALL, callDeleted("\"call_id\"", "42"), Map.of("content-type",
                CONTENT_TYPE)), "/data/call/call_id");
    }

    @Test
    void aMissingEnvelopeAttributeFails() {
        assertFails(record("call.events", CALL, callDeleted("\"call_id\"", CALL).replace("\"time\"", "\"occurred\""),
                Map.of("content-type", CONTENT_TYPE)), "time");
    }

    @Test
    void aTimeWithAnOffsetWithoutColonFails() {
        assertFails(record("call.events", CALL, callDeleted("\"call_id\"", CALL)
                .replace("2026-12-01T14:01:40Z", "2026-12-01T14:01:40+0000"), Map.of("content-type", CONTENT_TYPE)),
                "/time");
    }

    @Test
    void theVersion1EnvelopeIsNotTheContractsEnvelope() {
        String version1 = "{\"event_id\": \"" + UUID.randomUUID() + "\", \"type\": \"call.deleted\", \"version\": 1,"
                + " \"occurred_at\": \"2026-12-01T14:01:40+0000\", \"data\": {\"call\": {\"call_id\": \"" + CALL
                + "\"}}}";
        assertFails(record("call.events", CALL, version1, Map.of()), "no message of type");
    }

    @Test
    void aTypeTheContractDoesNotKnowFails() {
        assertFails(record("call.events", CALL, callDeleted("\"call_id\"", CALL).replace("call.deleted", "call.gone"),
                Map.of("content-type", CONTENT_TYPE)), "no message of type \"call.gone\"");
    }

    @Test
    void aMissingContentTypeHeaderFails() {
        assertFails(record("call.events", CALL, callDeleted("\"call_id\"", CALL), Map.of()), "content-type");
    }

    @Test
    void aSubjectOtherThanTheKeyFails() {
        assertFails(record("call.events", UUID.randomUUID().toString(), callDeleted("\"call_id\"", CALL),
                Map.of("content-type", CONTENT_TYPE)), "subject is not the record's key");
    }

    @Test
    void aTopicTheContractDoesNotKnowFails() {
        assertFails(record("calls", CALL, callDeleted("\"call_id\"", CALL), Map.of()), "no channel for topic calls");
    }

    @Test
    void assertingNoRecordsFails() {
        assertThrows(AssertionError.class, () -> CONTRACT.assertDescribe(List.of()));
    }

    private static void assertFails(ConsumerRecord<String, String> record, String naming) {
        List<String> violations = CONTRACT.violations(record);
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(naming)),
                "expected a violation naming " + naming + ", got " + violations);
        AssertionError error = assertThrows(AssertionError.class, () -> CONTRACT.assertDescribe(List.of(record)));
        assertTrue(error.getMessage().contains(naming), error.getMessage());
    }

    /** A {@code call.deleted} event as call-service publishes it, with its call id under {@code field}. */
    private static String callDeleted(String field, String callId) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"/parley/call-service\","
                + " \"type\": \"call.deleted\", \"subject\": \"" + CALL + "\", \"time\": \"2026-12-01T14:01:40Z\","
                + " \"datacontenttype\": \"application/json\", \"dataversion\": 1,"
                + " \"data\": {\"call\": {" + field + ": \"" + callId + "\"}}}";
    }

    private static ConsumerRecord<String, String> record(String topic, String key, String value,
            Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 7, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
