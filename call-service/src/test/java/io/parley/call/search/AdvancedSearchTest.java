package io.parley.call.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.parley.call.Callers;
import io.parley.call.TestCalls;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The advanced search (reference 3.1.4, Tables 1 and 2): every operator of every type, on four calls of one tenant.
 * A (1 March, 60 s, ended), B (2 March, 30 s, ended), C (3 March, active), D (an hour ago, active).
 */
@QuarkusTest
class AdvancedSearchTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();
    private static final Map<String, UUID> CALLS = new LinkedHashMap<>();

    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = ';', textBlock = """
            # string
            phone_number__equal_to=1234;                B A
            phone_number__not_equal_to=1234;            D C
            phone_number__starts_with=55;               B
            phone_number__ends_with=34;                 B A
            phone_number__includes=23;                  B A
            phone_name__includes=SMITH;                 A
            phone_name__is_empty=1;                     D C
            phone_name_to__is_empty=1;                  D C B
            phone_name__not_empty=1;                    B A
            phone_number__pattern=5_5-%;                B
            phone_number__regex=^6[0-9]{2}$;            C
            phone_number_from__equal_to=1234;           A
            phone_number_to__equal_to=1234;             B
            phone_id_to__starts_with=500@;              A
            phone_ip_address__equal_to=10.0.0.2;        A
            phone_ip_address_from__equal_to=10.0.0.2;   ''
            redirected_from_number__equal_to=777;       A
            redirected_to_name__includes=oper;          A
            pbx_call_id__equal_to=xyz;                  B
            user_name__equal_to=Jane Smith;             A
            user_name__not_equal_to=Jane Smith;         D C B
            file_path__ends_with=.wav;                  B
            file_path__is_empty=x;                      D C
            broadworks_sp_id__equal_to=SP1;             A
            metaswitch_user__equal_to=ms-a;             A
            agent_name__starts_with=agent;              A
            cisco_phone_ip__equal_to=10.1.1.1;          A
            notes__is_empty=1;                          D C B A
            notes__includes=x;                          ''
            acd_number__not_empty=1;                    ''
            # string_exact
            call_id__is={A};                            A
            call_id__is_not={A};                        D C B
            cisco_refci__is=R2;                         B
            cisco_refci__is_not=R1;                     D C B
            cisco_refci__is_empty=1;                    D C
            cisco_refci__not_empty=1;                   B A
            encrypt_fingerprint__is_empty=1;            D C B A
            # number
            notes_count__equal_to=0;                    D C B A
            notes_count__not_equal_to=0;                ''
            notes_count__greater_than=0;                ''
            evaluation_reports_count__lower_than=1;     D C B A
            screen_recordings_count__between=0 - 2;     D C B A
            evaluation_report_score__is_empty=1;        D C B A
            evaluation_report_score__not_empty=1;       ''
            cisco_ucce_recovery_key__equal_to=5;        ''
            # date (the caller's timezone: UTC)
            date__equal_to=2026/03/02;                  B
            date__older_than=2026/03/02;                A
            date__newer_than=2026/03/02;                D C
            date__between=2026/03/01 - 2026/03/02;      B A
            date__between=2026/03/02-2026/03/03;        C B
            date__older_than_days=1;                    C B A
            date__equal_to=9999/12/31;                  ''
            date__older_than=0001/01/01;                ''
            date__newer_than_days=1;                    D
            # datetime
            datetime__older_than=2026-03-02T10:00:00Z;  A
            datetime__newer_than=2026-03-02T10:00:00+00:00;  D C
            datetime__between=2026-03-01T10:00:00.000Z/2026-03-02T10:00:00.000Z;  B A
            datetime__older_than=2026-03-02T10:00:00;   A
            datetime__older_than_minutes=30;            D C B A
            datetime__newer_than_minutes=120;           D
            # duration: greater_than is longer than, lower_than shorter than
            duration__greater_than=30;                  A
            duration__lower_than=1:00;                  B
            duration__between=0:30 - 00:01:00;          B A
            duration__between=31-59;                    ''
            # set
            direction__is=2;                            B
            direction__is_not=2;                        D C A
            voip_protocol__is=13;                       B
            call_state__is=4;                           C
            record_state__is=20;                        B
            user_id__is={AGENT};                        A
            group_id__is={GROUP};                       A
            group_id__is_not={GROUP};                   D C B
            tenant_id__is={TENANT};                     D C B A
            client_id__is={CLIENT};                     A
            category_id__is={GROUP};                    ''
            category_id__is_not={GROUP};                D C B A
            cisco_ucce_agent_id__is=5;                  ''
            evaluation_report_status__is_not=done;      D C B A
            # bool
            confidential__is_true=1;                    ''
            confidential__is_false=1;                   D C B A
            """)
    void operatorFindsTheCallsItDescribes(String parameter, String expected) {
        String[] nameAndValue = parameter.split("=", 2);
        List<String> found = found(Map.of(nameAndValue[0], placeholders(nameAndValue[1])));

        assertEquals(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), found);
    }

    @Test
    void parametersCombineWithAnd() {
        assertEquals(List.of("A"), found(Map.of("phone_number__includes", "1234", "date__equal_to", "2026/03/01")));
    }

    @Test
    void unknownParametersAndOperatorsAreRefusedByName() {
        given().auth().oauth2(caller()).queryParam("advanced_search", "1")
                .queryParam("colour__is", "red").queryParam("phone_number", "1234")
                .queryParam("phone_number__between", "1 - 2").queryParam("daterange", "2026/03/01")
                .when().get("/api/v2/calls.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.find { it.field_name == 'colour__is' }.error", equalTo("unknown"))
                .body("details.fields.find { it.field_name == 'phone_number' }.error", equalTo("unknown"))
                .body("details.fields.find { it.field_name == 'daterange' }.error", equalTo("unknown"))
                .body("details.fields.find { it.field_name == 'phone_number__between' }.description",
                        startsWith("'between' is not an operator of a string parameter"));
    }

    @Test
    void everyParameterOfTable1IsServedWithItsType() {
        Map<String, String> table1 = new LinkedHashMap<>();
        for (String parameter : List.of("date date", "datetime datetime", "duration duration", "direction set",
                "voip_protocol set", "user_id set", "user_name string", "group_id set", "tenant_id set",
                "category_id set", "client_id set", "notes string", "notes_count number", "call_id string_exact",
                "pbx_call_id string", "pbx_tracking_id string", "call_state set", "record_state set",
                "phone_number string", "phone_number_from string", "phone_number_to string", "phone_name string",
                "phone_name_from string", "phone_name_to string", "phone_id string", "phone_id_from string",
                "phone_id_to string", "orig_calling_number string", "orig_dialed_number string", "acd_number string",
                "acd_name string", "acd_id string", "redirected_from_number string", "redirected_from_name string",
                "redirected_from_id string", "redirected_to_number string", "redirected_to_name string",
                "redirected_to_id string", "phone_ip_address string", "phone_ip_address_from string",
                "phone_ip_address_to string", "broadworks_sp_id string", "broadworks_group_id string",
                "broadworks_user_id string", "cisco_phone_ip string", "cisco_refci string_exact",
                "cisco_ucce_agent_id set", "cisco_ucce_skill_group_id set", "cisco_ucce_recovery_key number",
                "metaswitch_system string", "metaswitch_group string", "metaswitch_user string",
                "metaswitch_extension string", "agent_id string", "agent_name string",
                "evaluation_report_score number", "evaluation_report_status set", "evaluation_reports_count number",
                "screen_recordings_count number", "file_path string", "encrypt_fingerprint string_exact",
                "confidential bool")) {
            String[] nameAndType = parameter.split(" ");
            table1.put(nameAndType[0], nameAndType[1]);
        }
        var request = given().auth().oauth2(caller()).queryParam("advanced_search", "1");
        table1.keySet().forEach(name -> request.queryParam(name + "__none", "1"));

        List<Map<String, String>> fields = request.when().get("/api/v2/calls.json").then().statusCode(400)
                .extract().jsonPath().getList("details.fields");

        assertEquals(table1.size(), fields.size());
        for (Map<String, String> field : fields) {
            String name = field.get("field_name").replace("__none", "");
            assertEquals("'none' is not an operator of a " + table1.get(name) + " parameter",
                    field.get("description").replaceAll(": use one of .*", ""), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            date__equal_to=2026-03-01;                        must be a date YYYY/MM/DD
            date__between=2026/03/02 - 2026/03/01;            the range of dates ends before it starts
            date__between=2026/03/01;                         must be a range of dates YYYY/MM/DD - YYYY/MM/DD
            date__older_than_days=-1;                         must be a whole number from 0 to 36500
            date__equal_to=+10000/01/01;                      must be in the years 1 to 9999
            datetime__older_than=+999999999-01-01T00:00:00Z;  must be in the years 1 to 9999
            datetime__newer_than=yesterday;                   must be an ISO 8601 date-time, e.g. 2019-04-30T06:00:00.000Z
            datetime__between=2026-03-01T10:00:00Z;           must be two ISO 8601 date-times separated by /
            datetime__older_than_minutes=soon;                must be a whole number from 0 to 52560000
            duration__greater_than=1:75;                      must be a duration SS, MM:SS or HH:MM:SS, minutes and seconds below 60
            duration__between=10;                             must be a range of durations, e.g. 30 - 1:30
            notes_count__equal_to=many;                       must be a number
            notes_count__between=5 - 1;                       the range of numbers ends before it starts
            direction__is=9;                                  must be one of [0, 1, 2]
            user_id__is=42;                                   must be a UUID
            call_id__is=42;                                   must be a UUID
            phone_number__regex=(12;                          is not a valid regular expression
            """)
    void unreadableValuesAreRefusedNamingTheParameter(String parameter, String description) {
        String[] nameAndValue = parameter.split("=", 2);
        given().auth().oauth2(caller()).queryParam("advanced_search", "1")
                .queryParam(nameAndValue[0], nameAndValue[1])
                .when().get("/api/v2/calls.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo(nameAndValue[0]))
                .body("details.fields[0].error", equalTo("invalid"))
                .body("details.fields[0].description", equalTo(description));
    }

    @Test
    void advancedSearchIsOneOrZero() {
        given().auth().oauth2(caller()).queryParam("advanced_search", "yes").when().get("/api/v2/calls.json")
                .then().statusCode(400).body("details.fields[0].field_name", equalTo("advanced_search"));
    }

    @Test
    void aValueWithANulCharacterIsRefused() {
        given().auth().oauth2(caller()).queryParam("advanced_search", "1")
                .queryParam("phone_number__includes", "12\u00004")
                .when().get("/api/v2/calls.json")
                .then().statusCode(400).body("details.fields[0].field_name", equalTo("phone_number__includes"));
    }

    private List<String> found(Map<String, String> query) {
        storeCalls();
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.put("advanced_search", "1");
        List<String> ids = given().auth().oauth2(caller()).queryParams(parameters).when().get("/api/v2/calls.json")
                .then().statusCode(200).extract().jsonPath().getList("calls.call_id", String.class);
        return ids.stream().map(id -> CALLS.entrySet().stream().filter(call -> call.getValue().toString().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse(id)).toList();
    }

    private static String caller() {
        return Callers.system(TENANT, Callers.CALLS);
    }

    private static String placeholders(String value) {
        return value.replace("{A}", String.valueOf(CALLS.get("A"))).replace("{AGENT}", AGENT.toString())
                .replace("{GROUP}", GROUP.toString()).replace("{TENANT}", TENANT.toString())
                .replace("{CLIENT}", CLIENT.toString());
    }

    /** The four calls, stored once for the class. */
    private synchronized void storeCalls() {
        if (!CALLS.isEmpty()) {
            return;
        }
        TestCalls.user(dataSource, AGENT, TENANT, GROUP, "Jane Smith", "jane-" + AGENT);
        CALLS.put("A", TestCalls.call(TENANT, "2026-03-01T10:00:00Z").set("connect_time", "2026-03-01T10:00:10Z")
                .set("disconnect_time", "2026-03-01T10:01:10Z").set("ended_at", "2026-03-01T10:01:10Z")
                .set("protocol_call_direction", 1).set("voip_protocol", 1).set("call_state", 6)
                .set("record_state", 30).set("from_number", "1234").set("to_number", "500")
                .set("from_name", "John Smith").set("to_name", "Emy").set("from_id", "1234@pbx")
                .set("to_id", "500@pbx").set("from_ip", "10.0.0.1").set("to_ip", "10.0.0.2")
                .set("protocol_call_id", "abc-1").set("transferred_from_number", "777")
                .set("transferred_to_name", "Operator").set("broadworks_sp_id", "SP1")
                .set("cisco_phone_ip", "10.1.1.1").set("cisco_nearend_refci", "R1").set("metaswitch_user", "ms-a")
                .set("agent_id", "agent-7").set("agent_name", "Agent Seven").set("group_id", GROUP)
                .set("client_id", CLIENT).participant(AGENT, "1234").file("/recordings/2026/a.mp3")
                .store(dataSource));
        CALLS.put("B", TestCalls.call(TENANT, "2026-03-02T10:00:00Z").set("disconnect_time", "2026-03-02T10:00:30Z")
                .set("ended_at", "2026-03-02T10:00:30Z").set("protocol_call_direction", 2).set("voip_protocol", 13)
                .set("call_state", 8).set("record_state", 20).set("from_number", "555-0100")
                .set("to_number", "1234").set("from_name", "bob").set("to_name", "").set("protocol_call_id", "xyz")
                .set("cisco_farend_refci", "R2").participant(null, "555-0100").file("/recordings/2026/b.wav")
                .store(dataSource));
        CALLS.put("C", TestCalls.call(TENANT, "2026-03-03T23:30:00Z").set("protocol_call_direction", 0)
                .set("voip_protocol", 0).set("call_state", 4).set("record_state", 10).set("from_number", "600")
                .set("to_number", "601").set("group_id", UUID.randomUUID()).store(dataSource));
        CALLS.put("D", TestCalls.call(TENANT, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString())
                .set("from_number", "700").store(dataSource));
    }
}
