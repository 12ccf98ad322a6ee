package io.parley.deploy.contract;

import static io.parley.deploy.contract.SchemaCompatibility.Reader.CONSUMERS;
import static io.parley.deploy.contract.SchemaCompatibility.Reader.PARLEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each evolution rule fires on a change that breaks the party reading the data, and a compatible change passes: for
 * the events Parley publishes, its consumers read them; on {@code recording.events}, Parley reads what recorders
 * write.
 */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RELEASED = """
            {"type": "object", "required": ["call"], "properties": {"call": {"type": "object",
              "required": ["call_id", "call_state"], "properties": {
                "call_id": {"type": "string", "format": "uuid"},
                "call_state": {"anyOf": [{"type": "integer", "enum": [1, 2, 3]}, {"type": "null"}]},
                "from_name": {"type": ["string", "null"], "maxLength": 500},
                "participants": {"type": "array", "items": {"type": "object",
                  "properties": {"party_number": {"type": "string"}}}}}}}}""";

    @Test
    void anOptionalPropertyAddedPassesBothWays() {
        String changed = RELEASED.replace("\"call_id\": {", "\"agent_id\": {\"type\": \"string\"}, \"call_id\": {");
        assertEquals(List.of(), breaks(changed, CONSUMERS));
        assertEquals(List.of(), breaks(changed, PARLEY));
    }

    @Test
    void theSameSchemaPasses() {
        assertEquals(List.of(), breaks(RELEASED, CONSUMERS));
        assertEquals(List.of(), breaks(RELEASED, PARLEY));
    }

    @Test
    void aRemovedPropertyBreaksBoth() {
        String changed = RELEASED.replace("\"from_name\": {\"type\": [\"string\", \"null\"], \"maxLength\": 500},",
                "");
        assertBreaks(changed, CONSUMERS, "call.from_name: removed");
        assertBreaks(changed, PARLEY, "call.from_name: removed");
    }

    @Test
    void aRenamedPropertyBreaksConsumers() {
        assertBreaks(RELEASED.replace("\"from_name\"", "\"caller_name\""), CONSUMERS, "call.from_name: removed");
    }

    @Test
    void aRetypedPropertyBreaksBoth() {
        String changed = RELEASED.replace("\"call_id\": {\"type\": \"string\"", "\"call_id\": {\"type\": \"integer\"");
        assertBreaks(changed, CONSUMERS, "call.call_id: type [string] became [integer]");
        assertBreaks(changed, PARLEY, "call.call_id: type [string] became [integer]");
    }

    @Test
    void aValueThatMayNowBeNullBreaksConsumersNotRecorders() {
        String changed = RELEASED.replace("\"call_id\": {\"type\": \"string\"",
                "\"call_id\": {\"type\": [\"string\", \"null\"]");
        assertBreaks(changed, CONSUMERS, "call.call_id: type [string] became [string, null]");
        assertEquals(List.of(), breaks(changed, PARLEY));
    }

    @Test
    void aNewlyRequiredPropertyBreaksRecordersNotConsumers() {
        String changed = RELEASED.replace("\"required\": [\"call_id\", \"call_state\"]",
                "\"required\": [\"call_id\", \"call_state\", \"from_name\"]");
        assertBreaks(changed, PARLEY, "call: from_name is newly required");
        assertEquals(List.of(), breaks(changed, CONSUMERS));
    }

    @Test
    void aPropertyNoLongerRequiredBreaksConsumersNotRecorders() {
        String changed = RELEASED.replace("\"required\": [\"call_id\", \"call_state\"]", "\"required\": [\"call_id\"]");
        assertBreaks(changed, CONSUMERS, "call: call_state is no longer required");
        assertEquals(List.of(), breaks(changed, PARLEY));
    }

    @Test
    void anEnumValueAddedBreaksConsumersNotRecorders() {
        String changed = RELEASED.replace("[1, 2, 3]", "[1, 2, 3, 4]");
        assertBreaks(changed, CONSUMERS, "call.call_state: the values");
        assertEquals(List.of(), breaks(changed, PARLEY));
    }

    @Test
    void anEnumValueRemovedBreaksRecordersNotConsumers() {
        String changed = RELEASED.replace("[1, 2, 3]", "[1, 2]");
        assertBreaks(changed, PARLEY, "call.call_state: the values");
        assertEquals(List.of(), breaks(changed, CONSUMERS));
    }

    @Test
    void aLongerBoundBreaksConsumersAndAShorterOneRecorders() {
        assertBreaks(RELEASED.replace("500", "600"), CONSUMERS, "call.from_name: maxLength 500 became 600");
        assertBreaks(RELEASED.replace("500", "400"), PARLEY, "call.from_name: maxLength 500 became 400");
    }

    @Test
    void aChangeInsideArrayItemsIsFound() {
        assertBreaks(RELEASED.replace("\"party_number\": {\"type\": \"string\"}", "\"party_number\": {\"type\": "
                + "\"integer\"}"), CONSUMERS, "call.participants[].party_number: type [string] became [integer]");
    }

    @Test
    void aChangedFormatBreaks() {
        assertBreaks(RELEASED.replace("\"uuid\"", "\"uri\""), CONSUMERS, "call.call_id: format \"uuid\" became \"uri\"");
    }

    /** The released call.created schema, bundled with the API's Call, breaks when a field of the call is renamed. */
    @Test
    void aRenamedFieldOfTheApisCallBreaksTheReleasedCallCreated() {
        Path repository = Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize();
        JsonNode released = EventSchemas.bundled(repository.resolve(EventSchemaEvolutionTest.RELEASED))
                .get("call.events/call.created.v1.json");
        ObjectNode renamed = (ObjectNode) released.deepCopy();
        ObjectNode call = (ObjectNode) renamed.path("properties").path("call").path("properties");
        call.set("from_display_name", call.remove("from_name"));
        assertTrue(SchemaCompatibility.breaks(released, renamed, CONSUMERS).contains(
                "call.from_name: removed, while a consumer written for the released schema may use it"));
    }

    private static void assertBreaks(String changed, SchemaCompatibility.Reader reader, String naming) {
        List<String> breaks = breaks(changed, reader);
        assertTrue(breaks.stream().anyMatch(change -> change.startsWith(naming)),
                "expected a break starting " + naming + ", got " + breaks);
    }

    private static List<String> breaks(String changed, SchemaCompatibility.Reader reader) {
        return SchemaCompatibility.breaks(JSON.readTree(RELEASED), JSON.readTree(changed), reader);
    }
}
