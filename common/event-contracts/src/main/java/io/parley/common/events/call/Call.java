package io.parley.common.events.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.parley.common.api.constraint.OneOf;
import io.parley.common.api.constraint.Text;

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
        @Text(bytes = TEXT_BYTES) String protocolCallId,
        @OneOf( {
                0, 1, 2 }) Integer protocolCallDirection,
        @OneOf({ 1, 2, 3, 4, 5, 6, 7, 8 }) Integer callState,
        @OneOf({ 0, 1, 2 }) Integer onDemandState,
        @OneOf({ 10, 20, 30, 40 }) Integer recordState,
        @OneOf({ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }) Integer voipProtocol,
        OffsetDateTime setupTime,
        OffsetDateTime connectTime,
        OffsetDateTime disconnectTime,
        @Text(bytes = TEXT_BYTES) String fromIp,
        @Text(bytes = TEXT_BYTES) String toIp,
        @Min(value = 0, message = PORT_RULE) @Max(value = 65_535, message = PORT_RULE) Integer fromPort,
        @Min(value = 0, message = PORT_RULE) @Max(value = 65_535, message = PORT_RULE) Integer toPort,
        @Text(bytes = TEXT_BYTES) String fromMac,
        @Text(bytes = TEXT_BYTES) String toMac,
        @Text(bytes = TEXT_BYTES) String fromNumber,
        @Text(bytes = TEXT_BYTES) String toNumber,
        @Text(bytes = TEXT_BYTES) String fromName,
        @Text(bytes = TEXT_BYTES) String toName,
        @Text(bytes = TEXT_BYTES) String fromId,
        @Text(bytes = TEXT_BYTES) String toId,
        @Text(bytes = TEXT_BYTES) String transferredFromNumber,
        @Text(bytes = TEXT_BYTES) String transferredFromName,
        @Text(bytes = TEXT_BYTES) String transferredFromId,
        @Text(bytes = TEXT_BYTES) String transferredToNumber,
        @Text(bytes = TEXT_BYTES) String transferredToName,
        @Text(bytes = TEXT_BYTES) String transferredToId,
        @Text(bytes = TEXT_BYTES) String agentId,
        @Text(bytes = TEXT_BYTES) String agentName,
        @Text(bytes = TEXT_BYTES) String broadworksUserId,
        @Text(bytes = TEXT_BYTES) String broadworksGroupId,
        @Text(bytes = TEXT_BYTES) String broadworksSpId,
        @Text(bytes = TEXT_BYTES) String metaswitchUser,
        @Text(bytes = TEXT_BYTES) String metaswitchGroup,
        @Text(bytes = TEXT_BYTES) String metaswitchSystem,
        @Text(bytes = TEXT_BYTES) String ciscoNearendGuid,
        @Text(bytes = TEXT_BYTES) String ciscoFarendGuid,
        @Text(bytes = TEXT_BYTES) String ciscoNearendRefci,
        @Text(bytes = TEXT_BYTES) String ciscoFarendRefci,
        @Text(bytes = TEXT_BYTES) String ciscoPhoneIp,
        @Text(bytes = TEXT_BYTES) String ciscoNearendPartition,
        @Text(bytes = TEXT_BYTES) String ciscoFarendPartition,
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
