package io.parley.common.events.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.api.json.ApiObjectMapperCustomizer;
import io.parley.common.events.DataVersion;
import io.parley.common.events.EventEnvelope;

/** A consumer reads an event's data as its contract record, and a broken contract is refused naming the field. */
class EventDataTest {

    @DataVersion(1)
    record Sample(@NotNull @Valid Item item, boolean systemWide) {

        record Item(@NotNull UUID itemId, @Size(max = 5) String name, List<@Valid Contact> contacts) {
        }

        record Contact(@NotNull @Size(max = 3) String phoneNumber) {
        }
    }

    private final ObjectMapper mapper = ApiObjectMapperCustomizer.configure(new ObjectMapper());
    private final EventData data = new EventData(mapper, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    private final UUID id = UUID.randomUUID();

    @Test
    void theDataIsBoundInSnakeCaseIgnoringPropertiesTheContractDoesNotName() {
        Sample sample = data.read(event(1, """
                {"item": {"item_id": "%s", "name": "Desk", "added_later": 1,
                 "contacts": [{"phone_number": "201"}]}, "system_wide": true}""".formatted(id)), Sample.class);

        assertEquals(new Sample(new Sample.Item(id, "Desk", List.of(new Sample.Contact("201"))), true), sample);
    }

    @Test
    void aFieldLeftOutOfAnOlderEventIsNullOrFalse() {
        assertEquals(new Sample(new Sample.Item(id, null, null), false),
                data.read(event(1, "{\"item\": {\"item_id\": \"%s\"}}".formatted(id)), Sample.class));
    }

    @Test
    void aBrokenConstraintNamesTheFieldAndTheRule() {
        assertEquals("data.item.item_id must not be null", refused(event(1, "{\"item\": {}}")).getMessage());
        assertEquals("data.item.contacts[1].phone_number", refused(event(1, """
                {"item": {"item_id": "%s", "contacts": [{"phone_number": "201"}, {"phone_number": "2001"}]}}"""
                .formatted(id))).field());
        assertEquals("data.item", refused(event(1, "{}")).field());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldWithoutQuotingIt() {
        MalformedEventException refused = refused(event(1, "{\"item\": {\"item_id\": \"secret\"}}"));

        assertEquals("data.item.item_id has the wrong type or format", refused.getMessage());
        assertEquals("data has the wrong type or format", refused(event(1, "[1]")).getMessage());
    }

    @Test
    void anEventOfANewerVersionThanTheContractIsRefused() {
        assertEquals("dataversion is 2, newer than the 1 this consumer reads: upgrade it, then replay this event",
                refused(event(2, "{\"item\": {\"item_id\": \"%s\"}}".formatted(id))).getMessage());
    }

    @Test
    void aWholeRecordIsReadWithPathsFromItsRoot() throws Exception {
        assertEquals(new Sample(new Sample.Item(id, null, null), false),
                data.read(mapper.readTree("{\"item\": {\"item_id\": \"%s\"}}".formatted(id)), Sample.class));
        assertEquals("item.item_id must not be null", assertThrows(MalformedEventException.class,
                () -> data.read(mapper.readTree("{\"item\": {}}"), Sample.class)).getMessage());
    }

    private EventEnvelope event(int version, String json) {
        try {
            return new EventEnvelope(UUID.randomUUID(), "item.updated", version, OffsetDateTime.now(), null, 1L,
                    mapper.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private MalformedEventException refused(EventEnvelope event) {
        return assertThrows(MalformedEventException.class, () -> data.read(event, Sample.class));
    }
}
