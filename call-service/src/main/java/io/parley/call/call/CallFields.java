package io.parley.call.call;

import static io.parley.call.call.Field.Kind.BOOLEAN;
import static io.parley.call.call.Field.Kind.DATE_TIME;
import static io.parley.call.call.Field.Kind.INTEGER;
import static io.parley.call.call.Field.Kind.LONG;
import static io.parley.call.call.Field.Kind.TEXT;
import static io.parley.call.call.Field.Kind.UUID;

import java.util.List;
import java.util.Set;

/**
 * The fields of the call (reference 3.1.1), participant (3.1.3) and file (3.1.2) objects, in the reference's order;
 * each is stored in the column of the same name.
 */
public final class CallFields {

    /** Every field of the call object but its lists, as the API and the call events show them. */
    public static final List<Field> DOCUMENT = List.of(
            Field.of("call_id", UUID),
            Field.of("parent_call_id", UUID),
            Field.of("interaction_id", UUID),
            Field.of("tenant_id", UUID),
            Field.of("is_conference", BOOLEAN),
            Field.of("recorder_id", UUID),
            Field.of("protocol_call_id", TEXT),
            Field.code("protocol_call_direction", 0, 2),
            Field.code("call_state", 1, 8),
            Field.code("on_demand_state", 0, 2),
            Field.codes("record_state", 10, 20, 30, 40),
            Field.code("voip_protocol", 0, 17),
            Field.of("setup_time", DATE_TIME),
            Field.of("connect_time", DATE_TIME),
            Field.of("disconnect_time", DATE_TIME),
            Field.of("from_ip", TEXT),
            Field.of("to_ip", TEXT),
            Field.of("from_port", INTEGER),
            Field.of("to_port", INTEGER),
            Field.of("from_mac", TEXT),
            Field.of("to_mac", TEXT),
            Field.of("from_number", TEXT),
            Field.of("to_number", TEXT),
            Field.of("from_name", TEXT),
            Field.of("to_name", TEXT),
            Field.of("from_id", TEXT),
            Field.of("to_id", TEXT),
            Field.of("transferred_from_number", TEXT),
            Field.of("transferred_from_name", TEXT),
            Field.of("transferred_from_id", TEXT),
            Field.of("transferred_to_number", TEXT),
            Field.of("transferred_to_name", TEXT),
            Field.of("transferred_to_id", TEXT),
            Field.of("agent_id", TEXT),
            Field.of("agent_name", TEXT),
            Field.of("broadworks_user_id", TEXT),
            Field.of("broadworks_group_id", TEXT),
            Field.of("broadworks_sp_id", TEXT),
            Field.of("metaswitch_user", TEXT),
            Field.of("metaswitch_group", TEXT),
            Field.of("metaswitch_system", TEXT),
            Field.of("cisco_nearend_guid", TEXT),
            Field.of("cisco_farend_guid", TEXT),
            Field.of("cisco_nearend_refci", TEXT),
            Field.of("cisco_farend_refci", TEXT),
            Field.of("cisco_phone_ip", TEXT),
            Field.of("cisco_nearend_partition", TEXT),
            Field.of("cisco_farend_partition", TEXT));

    /**
     * The call fields a recorder reports: all but {@code call_id}, which keys the call, {@code recorder_id}, which
     * the event carries, and {@code tenant_id}, which Parley finds itself (association).
     */
    public static final List<Field> REPORTED = DOCUMENT.stream()
            .filter(field -> !Set.of("call_id", "recorder_id", "tenant_id").contains(field.name())).toList();

    /** The participant's fields but its key, {@code participant_id}, and {@code user_id}, which Parley finds. */
    public static final List<Field> PARTICIPANT = List.of(
            Field.of("join_time", DATE_TIME),
            Field.of("leave_time", DATE_TIME),
            Field.code("party_direction", 0, 2),
            Field.code("party_type", 0, 3),
            Field.of("party_number", TEXT),
            Field.of("party_name", TEXT),
            Field.of("party_caller_id", TEXT));

    /** The file's fields but its key, {@code file_id}, and {@code file_path}, which storage sets. */
    public static final List<Field> FILE = List.of(
            Field.of("start_time", DATE_TIME),
            Field.of("stop_time", DATE_TIME),
            Field.of("file_size", LONG),
            Field.of("watermark", TEXT));

    private CallFields() {
    }
}
