package io.parley.call;

/**
 * The reference's answer examples for calls, as the OpenAPI document shows them (docs/openapi.md): the call of
 * reference 3.1.5 with Parley's names and value sets (the reference's {@code redirected_*} are
 * {@code transferred_*}, an empty id is {@code null}, a file has its watermark) and every field Parley serves, so that
 * it is a valid answer (Redocly and the contract tests check it).
 */
public final class ApiExamples {

    private static final String CALL_OBJECT = """
            {"call_id": "e03f497d-bdff-1019-102d-68be3896f081", "parent_call_id": null, "interaction_id": null,
             "tenant_id": "34c7f1f6-9201-11e5-a739-e03f497dbdff", "is_conference": false,
             "recorder_id": "27a7086c-f5c2-11e4-8cc5-e03f497dbdff", "protocol_call_id": "12345678-098765-765431",
             "protocol_call_direction": 1, "call_state": 6, "on_demand_state": 0, "record_state": 30,
             "voip_protocol": 0, "setup_time": "2013-10-12T16:32:22-0800", "connect_time": "2013-10-12T16:32:22-0800",
             "disconnect_time": "2013-10-12T16:38:56-0800", "from_ip": "192.168.0.10", "to_ip": "192.168.0.5",
             "from_port": 5060, "to_port": 5060, "from_mac": "11-22-33-44-55-66", "to_mac": "22-33-44-55-66-77",
             "from_number": "102", "to_number": "101", "from_name": "User1", "to_name": "",
             "from_id": "102@192.168.0.10", "to_id": "101@192.168.0.5", "transferred_from_number": "",
             "transferred_from_name": "", "transferred_from_id": "", "transferred_to_number": "",
             "transferred_to_name": "", "transferred_to_id": "", "agent_id": null, "agent_name": null,
             "broadworks_user_id": "", "broadworks_group_id": "", "broadworks_sp_id": "", "metaswitch_user": null,
             "metaswitch_group": null, "metaswitch_system": null, "cisco_nearend_guid": "", "cisco_farend_guid": "",
             "cisco_nearend_refci": null, "cisco_farend_refci": null, "cisco_phone_ip": null,
             "cisco_nearend_partition": null, "cisco_farend_partition": null,
             "participants": [
              {"participant_id": "01", "user_id": "546340bf-7b47-11e4-85a4-e03f497dbdff",
               "join_time": "2013-10-12T16:32:22-0800", "leave_time": "2013-10-12T16:38:56-0800", "party_direction": 1,
               "party_type": 0, "party_number": "102", "party_name": "User1", "party_caller_id": "102@192.168.0.10"},
              {"participant_id": "02", "user_id": null, "join_time": "2013-10-12T16:32:22-0800",
               "leave_time": "2013-10-12T16:38:56-0800", "party_direction": 2, "party_type": 0, "party_number": "101",
               "party_name": "", "party_caller_id": "101@192.168.0.10"}],
             "files": [{"file_id": "01", "file_path": "20131012/20131012163222-534346ad00000003.mp3",
              "start_time": "2013-10-12T16:32:22-0800", "stop_time": "2013-10-12T16:38:56-0800", "file_size": 132000,
              "watermark": null}]}""";
    /** Reference 3.1.5. */
    public static final String CALL = "{\"call\": " + CALL_OBJECT + "}";
    /** Reference 3.1.4, the last page of a search, with the call of 3.1.5. */
    public static final String CALLS = "{\"next_url\": null, \"total\": 1, \"calls\": [" + CALL_OBJECT + "]}";

    private ApiExamples() {
    }
}
