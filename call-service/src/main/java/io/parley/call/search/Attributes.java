package io.parley.call.search;

import static io.parley.call.search.Type.BOOL;
import static io.parley.call.search.Type.DATE;
import static io.parley.call.search.Type.DATETIME;
import static io.parley.call.search.Type.DURATION;
import static io.parley.call.search.Type.NUMBER;
import static io.parley.call.search.Type.SET;
import static io.parley.call.search.Type.STRING;
import static io.parley.call.search.Type.STRING_EXACT;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parley.call.field.CallFields;

/**
 * Every parameter of the advanced search (reference 3.1.4, Table 1), mapped onto what Parley stores
 * (docs/calls.md). Data Parley does not hold yet (notes, categories, evaluations, screen recordings, ACD and
 * original-number fields, Cisco UCCE, confidentiality, encryption) is answered as empty: no value, or a count of 0.
 */
final class Attributes {

    static final String SETUP_TIME = "c.setup_time";
    /** A recording lasts from the answer (or, unanswered, the setup) to the disconnect; unknown while active. */
    static final String DURATION_SECONDS = "EXTRACT(EPOCH FROM c.disconnect_time"
            + " - COALESCE(c.connect_time, c.setup_time))";

    /** Basic search's {@code search_term}: phone numbers and names (notes are not held yet). */
    static final Attribute SEARCH_TERM = Attribute.of("search_term", STRING,
            Target.columns("c.from_number", "c.to_number", "c.from_name", "c.to_name"));
    /** Basic search's {@code user_login}: the login of a participant's user, among existing users. */
    static final Attribute USER_LOGIN = Attribute.of("user_login", STRING_EXACT,
            Target.related(Target.PARTICIPANTS_USERS + " AND u.deleted_at IS NULL", "u.login"));

    private static final Map<String, Attribute> TABLE = new LinkedHashMap<>();

    static {
        add(Attribute.of("date", DATE, Target.columns(SETUP_TIME)));
        add(Attribute.of("datetime", DATETIME, Target.columns(SETUP_TIME)));
        add(Attribute.of("duration", DURATION, Target.columns(DURATION_SECONDS)));
        add(Attribute.codes("direction", Target.columns("c.protocol_call_direction"),
                codes("protocol_call_direction")));
        add(Attribute.codes("voip_protocol", Target.columns("c.voip_protocol"), codes("voip_protocol")));
        add(Attribute.ids("user_id", Target.related(Target.PARTICIPANTS, "p.user_id")));
        add(Attribute.of("user_name", STRING, Target.related(Target.PARTICIPANTS_USERS, "u.name")));
        add(Attribute.ids("group_id", Target.columns("c.group_id")));
        add(Attribute.ids("tenant_id", Target.columns("c.tenant_id")));
        add(Attribute.ids("category_id", Target.NO_ID));
        add(Attribute.ids("client_id", Target.columns("c.client_id")));
        add(Attribute.of("notes", STRING, Target.NO_TEXT));
        add(Attribute.of("notes_count", NUMBER, Target.ZERO));
        add(new Attribute("call_id", STRING_EXACT, Target.columns("c.call_id"), SearchValues::uuid));
        add(Attribute.of("pbx_call_id", STRING, Target.columns("c.protocol_call_id")));
        add(Attribute.of("pbx_tracking_id", STRING, Target.NO_TEXT));
        add(Attribute.codes("call_state", Target.columns("c.call_state"), codes("call_state")));
        add(Attribute.codes("record_state", Target.columns("c.record_state"), codes("record_state")));
        fromAndTo("phone_number", "number");
        fromAndTo("phone_name", "name");
        fromAndTo("phone_id", "id");
        add(Attribute.of("orig_calling_number", STRING, Target.NO_TEXT));
        add(Attribute.of("orig_dialed_number", STRING, Target.NO_TEXT));
        add(Attribute.of("acd_number", STRING, Target.NO_TEXT));
        add(Attribute.of("acd_name", STRING, Target.NO_TEXT));
        add(Attribute.of("acd_id", STRING, Target.NO_TEXT));
        for (String part : List.of("number", "name", "id")) {
            add(Attribute.of("redirected_from_" + part, STRING, Target.columns("c.transferred_from_" + part)));
            add(Attribute.of("redirected_to_" + part, STRING, Target.columns("c.transferred_to_" + part)));
        }
        fromAndTo("phone_ip_address", "ip");
        for (String column : List.of("broadworks_sp_id", "broadworks_group_id", "broadworks_user_id", "cisco_phone_ip",
                "metaswitch_system", "metaswitch_group", "metaswitch_user", "agent_id", "agent_name")) {
            add(Attribute.of(column, STRING, Target.columns("c." + column)));
        }
        add(Attribute.of("cisco_refci", STRING_EXACT, Target.columns("c.cisco_nearend_refci", "c.cisco_farend_refci")));
        add(Attribute.of("cisco_ucce_agent_id", SET, Target.NO_TEXT));
        add(Attribute.of("cisco_ucce_skill_group_id", SET, Target.NO_TEXT));
        add(Attribute.of("cisco_ucce_recovery_key", NUMBER, Target.NO_NUMBER));
        add(Attribute.of("metaswitch_extension", STRING, Target.NO_TEXT));
        add(Attribute.of("evaluation_report_score", NUMBER, Target.NO_NUMBER));
        add(Attribute.of("evaluation_report_status", SET, Target.NO_TEXT));
        add(Attribute.of("evaluation_reports_count", NUMBER, Target.ZERO));
        add(Attribute.of("screen_recordings_count", NUMBER, Target.ZERO));
        add(Attribute.of("file_path", STRING, Target.related(Target.FILES, "f.file_path")));
        add(Attribute.of("encrypt_fingerprint", STRING_EXACT, Target.NO_TEXT));
        add(Attribute.of("confidential", BOOL, Target.NO_FLAG));
    }

    private Attributes() {
    }

    /** Every parameter of Table 1, in its order. */
    static Collection<Attribute> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }

    static Optional<Attribute> named(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /** {@code phone_number}: from or to; {@code phone_number_from}, {@code phone_number_to}: one side. */
    private static void fromAndTo(String name, String column) {
        add(Attribute.of(name, STRING, Target.columns("c.from_" + column, "c.to_" + column)));
        add(Attribute.of(name + "_from", STRING, Target.columns("c.from_" + column)));
        add(Attribute.of(name + "_to", STRING, Target.columns("c.to_" + column)));
    }

    private static void add(Attribute attribute) {
        TABLE.put(attribute.name(), attribute);
    }

    private static List<Integer> codes(String field) {
        return CallFields.CALL.field(field).codes();
    }
}
