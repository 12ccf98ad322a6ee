package io.parley.common.events.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.parley.common.api.code.Codes;
import io.parley.common.api.text.Bounded;

/**
 * A call (reference 3.1.1) as the API shows it and every {@code call.events} event carries it: its fields in the
 * reference's order, {@code null} where unknown, then its participants and files. Each field is stored in the
 * column of the same name, and a recorder reports it under that name ({@code recording.events}), so adding a field
 * here, with its constraints, a migration for its column and its line in docs/calls.md is all a new field takes.
 * The constraints are the reference's value sets and the bounds that keep the largest call within one Kafka record
 * (docs/recorder-events.md).
 */
public record Call(
        @NotNull(message = "is required: a UUID") UUID callId,
        UUID parentCallId,
        UUID interactionId,
        UUID tenantId,
        Boolean isConference,
        UUID recorderId,
        @Bounded(value = TEXT_BYTES, strip = false) String protocolCallId,
        @Codes( {
                0, 1, 2 }) Integer protocolCallDirection,
        @Codes({ 1, 2, 3, 4, 5, 6, 7, 8 }) Integer callState,
        @Codes({ 0, 1, 2 }) Integer onDemandState,
        @Codes({ 10, 20, 30, 40 }) Integer recordState,
        @Codes({ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }) Integer voipProtocol,
        OffsetDateTime setupTime,
        OffsetDateTime connectTime,
        OffsetDateTime disconnectTime,
        @Bounded(value = TEXT_BYTES, strip = false) String fromIp,
        @Bounded(value = TEXT_BYTES, strip = false) String toIp,
        @Min(value = 0, message = PORT_RULE) @Max(value = 65_535, message = PORT_RULE) Integer fromPort,
        @Min(value = 0, message = PORT_RULE) @Max(value = 65_535, message = PORT_RULE) Integer toPort,
        @Bounded(value = TEXT_BYTES, strip = false) String fromMac,
        @Bounded(value = TEXT_BYTES, strip = false) String toMac,
        @Bounded(value = TEXT_BYTES, strip = false) String fromNumber,
        @Bounded(value = TEXT_BYTES, strip = false) String toNumber,
        @Bounded(value = TEXT_BYTES, strip = false) String fromName,
        @Bounded(value = TEXT_BYTES, strip = false) String toName,
        @Bounded(value = TEXT_BYTES, strip = false) String fromId,
        @Bounded(value = TEXT_BYTES, strip = false) String toId,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredFromNumber,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredFromName,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredFromId,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredToNumber,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredToName,
        @Bounded(value = TEXT_BYTES, strip = false) String transferredToId,
        @Bounded(value = TEXT_BYTES, strip = false) String agentId,
        @Bounded(value = TEXT_BYTES, strip = false) String agentName,
        @Bounded(value = TEXT_BYTES, strip = false) String broadworksUserId,
        @Bounded(value = TEXT_BYTES, strip = false) String broadworksGroupId,
        @Bounded(value = TEXT_BYTES, strip = false) String broadworksSpId,
        @Bounded(value = TEXT_BYTES, strip = false) String metaswitchUser,
        @Bounded(value = TEXT_BYTES, strip = false) String metaswitchGroup,
        @Bounded(value = TEXT_BYTES, strip = false) String metaswitchSystem,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoNearendGuid,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoFarendGuid,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoNearendRefci,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoFarendRefci,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoPhoneIp,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoNearendPartition,
        @Bounded(value = TEXT_BYTES, strip = false) String ciscoFarendPartition,
        @Size(max = PARTICIPANTS, message = "must be an array of at most " + PARTICIPANTS
                + " participants") List<@Valid @NotNull(message = "must be an object") CallParticipant> participants,
        @Size(max = FILES, message = "must be an array of at most " + FILES
                + " files") List<@Valid @NotNull(message = "must be an object") CallFile> files){

    /** A text field of a call, participant or file. */
    public static final int TEXT_BYTES = 500;
    /** A participant's or file's id. */
    public static final int ID_BYTES = 200;
    /** A call's participants, across all its events. */
    public static final int PARTICIPANTS = 100;
    /** A call's files, across all its events and uploads. */
    public static final int FILES = 100;

    static final String PORT_RULE = "must be an integer from 0 to 65535";
    static final String ID_RULE = "is required and must be at most " + ID_BYTES
            + " bytes of UTF-8 text, without control characters";
}
