package io.parley.common.events.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

import io.parley.common.api.code.Codes;
import io.parley.common.api.text.Bounded;

/**
 * A participant of a call (reference 3.1.3), keyed within its call by {@code participant_id}; {@code user_id} is the
 * Parley user Parley found for it (association), never what a recorder says.
 */
public record CallParticipant(
        @NotBlank(message = Call.ID_RULE) @Bounded(value = Call.ID_BYTES, strip = false, message = Call.ID_RULE) String participantId,
        OffsetDateTime joinTime,
        OffsetDateTime leaveTime,
        UUID userId,
        @Codes( {
                0, 1, 2 }) Integer partyDirection,
        @Codes({ 0, 1, 2, 3 }) Integer partyType,
        @Bounded(value = Call.TEXT_BYTES, strip = false) String partyNumber,
        @Bounded(value = Call.TEXT_BYTES, strip = false) String partyName,
        @Bounded(value = Call.TEXT_BYTES, strip = false) String partyCallerId){
}
