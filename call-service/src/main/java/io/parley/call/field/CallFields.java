package io.parley.call.field;

import java.util.List;

import io.parley.common.events.call.Call;
import io.parley.common.events.call.CallFile;
import io.parley.common.events.call.CallParticipant;

/**
 * The fields of the call, participant and file records, in the reference's order, as read from the records
 * themselves: each field is stored in the column of the same name, so the SQL that stores and reads calls and the
 * API's document of them follow the records without listing a field anywhere else.
 */
public final class CallFields {

    /** The call's records, built from rows and read field by field. */
    public static final RecordType<Call> CALL = RecordType.of(Call.class);
    public static final RecordType<CallParticipant> PARTICIPANT = RecordType.of(CallParticipant.class);
    public static final RecordType<CallFile> FILE = RecordType.of(CallFile.class);

    /**
     * The call fields a recorder reports: all but {@code call_id}, which keys the call, {@code recorder_id}, which
     * the event carries, {@code tenant_id}, which Parley finds itself (association), and the lists.
     */
    public static final List<Field> REPORTED = CALL.fieldsBut("call_id", "recorder_id", "tenant_id", "participants",
            "files");

    /** The participant's fields but its key, {@code participant_id}, and {@code user_id}, which Parley finds. */
    public static final List<Field> PARTICIPANT_REPORTED = PARTICIPANT.fieldsBut("participant_id", "user_id");

    /** The file's fields but its key, {@code file_id}, and {@code file_path}, which storage sets. */
    public static final List<Field> FILE_REPORTED = FILE.fieldsBut("file_id", "file_path");

    private CallFields() {
    }
}
