package io.parley.common.events.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

import io.parley.common.api.constraint.OneOf;
import io.parley.common.api.constraint.Text;

/**
 * A participant of a call (reference 3.1.3), keyed within its call by {@code participant_id}; {@code user_id} is the
 * Parley user Parley found for it (association), never what a recorder says.
 */
public record CallParticipant(
        @NotBlank(message = Call.ID_RULE) @Text(bytes = Call.ID_BYTES, message = Call.ID_RULE) String participantId,
        OffsetDateTime joinTime,
        OffsetDateTime leaveTime,
        UUID userId,
        @OneOf( {
                0, 1, 2 }) Integer partyDirection,
        @OneOf({ 0, 1, 2, 3 }) Integer partyType,
        @Text(bytes = Call.TEXT_BYTES) String partyNumber,
        @Text(bytes = Call.TEXT_BYTES) String partyName,
        @Text(bytes = Call.TEXT_BYTES) String partyCallerId){
}
