package io.parley.call.ingest;

import static io.parley.call.ingest.Field.Kind.BOOLEAN;
import static io.parley.call.ingest.Field.Kind.DATE_TIME;
import static io.parley.call.ingest.Field.Kind.INTEGER;
import static io.parley.call.ingest.Field.Kind.LONG;
import static io.parley.call.ingest.Field.Kind.TEXT;
import static io.parley.call.ingest.Field.Kind.UUID;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields a recorder reports, per object of the reference: the call (3.1.1), its participants (3.1.3) and its
 * audio files (3.1.2). The identifying fields ({@code call_id}, {@code participant_id}, {@code file_id}) are not
 * listed: they key the rows. {@code tenant_id} is not taken from recorders either: the call service associates calls
 * with tenants itself.
 */
final class CallFields {

    static final List<Field> CALL = call();

    static final List<Field> PARTICIPANT = List.of(
            Field.of("join_time", DATE_TIME),
            Field.of("leave_time", DATE_TIME),
            Field.code("party_direction", 0, 2),
            Field.code("party_type", 0, 3),
            Field.of("party_number", TEXT),
            Field.of("party_name", TEXT),
            Field.of("party_caller_id", TEXT));

    static final List<Field> FILE = List.of(
            Field.of("start_time", DATE_TIME),
            Field.of("stop_time", DATE_TIME),
            Field.of("file_size", LONG),
            Field.of("watermark", TEXT));

    private CallFields() {
    }

    private static List<Field> call() {
        List<Field> fields = new ArrayList<>(List.of(
                Field.of("parent_call_id", UUID),
                Field.of("interaction_id", UUID),
                Field.of("is_conference", BOOLEAN),
                Field.of("protocol_call_id", TEXT),
                Field.code("protocol_call_direction", 0, 2),
                Field.code("call_state", 1, 8),
                Field.code("on_demand_state", 0, 2),
                Field.code("voip_protocol", 0, 17),
                Field.of("setup_time", DATE_TIME),
                Field.of("connect_time", DATE_TIME),
                Field.of("disconnect_time", DATE_TIME),
                Field.of("from_port", INTEGER),
                Field.of("to_port", INTEGER),
                Field.codes("record_state", 10, 20, 30, 40)));
        for (String text : List.of("from_ip", "to_ip", "from_mac", "to_mac", "from_number", "to_number", "from_name",
                "to_name", "from_id", "to_id", "transferred_from_number", "transferred_from_name",
                "transferred_from_id", "transferred_to_number", "transferred_to_name", "transferred_to_id", "agent_id",
                "agent_name", "broadworks_user_id", "broadworks_group_id", "broadworks_sp_id", "metaswitch_user",
                "metaswitch_group", "metaswitch_system", "cisco_nearend_guid", "cisco_farend_guid",
                "cisco_nearend_refci", "cisco_farend_refci", "cisco_phone_ip", "cisco_nearend_partition",
                "cisco_farend_partition")) {
            fields.add(Field.of(text, TEXT));
        }
        return List.copyOf(fields);
    }
}
