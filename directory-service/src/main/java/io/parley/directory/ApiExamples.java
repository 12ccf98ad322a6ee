package io.parley.directory;

/**
 * The reference's request and answer examples for the directory's resources, as the OpenAPI document shows them
 * (docs/openapi.md). Answers are completed with the fields Parley always serves where the reference's example leaves
 * some out, so that each is a valid answer (Redocly and the contract tests check them against their schemas).
 */
public final class ApiExamples {

    private static final String TENANT_OBJECT = """
            {"tenant_id": "34c7f1f6-9201-11e5-a739-e03f497dbdff", "name": "Flexus", "timezone": null,
             "encrypt_data": null,
             "fieldset_licensing": {"recording_seats": null, "recording_sessions": null,
              "screen_recording_seats": null, "monitoring_seats": null, "monitoring_sessions": null,
              "evaluation_seats": 50, "speech_analytics": 10},
             "fieldset_associate_calls": {"extension_uniqueness": "systemwide", "associate_calls": "broadworks_group",
              "associate_calls_condition": "BroadWorks-serviceProviderID = \\"FlexusProvider\\" AND BroadWorks-groupID = \\"FlexusGroup\\"",
              "broadworks_sp_id": "FlexusProvider", "broadworks_group_id": "FlexusGroup", "sip_uri_host": "",
              "cisco_partition": "", "metaswitch_system": "", "metaswitch_group": "", "record_unknown_users": "record",
              "auto_provision": true, "provision_role_id": "34cafffe-9201-11e5-b516-e03f497dbdff",
              "provision_group_id": "47f53fcc-9201-11e5-b4ef-e03f497dbdff"}}""";
    /** Reference 3.6.1. */
    public static final String TENANT = "{\"tenant\": " + TENANT_OBJECT + "}";
    /** Reference 3.6.2, the last page, with the tenant of 3.6.1. */
    public static final String TENANTS = "{\"next_url\": null, \"total\": 1, \"tenants\": [" + TENANT_OBJECT + "]}";
    /** Reference 3.6.3. */
    public static final String TENANT_CREATE = """
            {"tenant": {"name": "MaxiServe", "timezone": "Europe/London"}}""";
    /** Reference 3.6.4. */
    public static final String TENANT_UPDATE = """
            {"tenant": {"name": "New Tenant Name"}}""";

    /** Reference 3.4.1. */
    public static final String GROUP = """
            {"group": {"group_id": "34cbea90-9201-11e5-a932-e03f497dbdff",
             "tenant_id": "34c7f1f6-9201-11e5-a739-e03f497dbdff", "name": "Administrators", "timezone": null}}""";
    /** Reference 3.4.2. */
    public static final String GROUPS = """
            {"next_url": null, "groups": [
             {"group_id": "546340bf-8b47-21e4-95a4-e03f497dbd55", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "Sales Department", "timezone": null},
             {"group_id": "e011c408-f288-11e4-9b73-e03f497dbdff", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "Supervisors", "timezone": null}]}""";
    /** Reference 3.4.4. */
    public static final String GROUP_CREATE = """
            {"group": {"name": "Group 1", "tenant_id": "e00a4822-f288-11e4-b559-e03f497dbdff"}}""";
    /** Reference 3.4.5. */
    public static final String GROUP_UPDATE = """
            {"group": {"name": "New Group Name"}}""";

    /** Reference 3.5.1. */
    public static final String ROLE = """
            {"role": {"role_id": "34c88e5c-9201-11e5-92fa-e03f497dbdff", "name": "Administrator",
             "access_level": "system", "tenant_id": "34c7f1f6-9201-11e5-a739-e03f497dbdff",
             "permissions": {"roles": ["view"], "users": ["view", "edit", "delete"], "groups": ["view"],
              "calls": ["view", "live_monitor", "categorize", "playback", "add_notes"],
              "call_categories": ["view", "edit", "delete"], "call_notes": ["view", "pin"]}}}""";
    /** Reference 3.5.2. */
    public static final String ROLES = """
            {"next_url": null, "roles": [
             {"role_id": "546340bf-8b47-21e4-95a4-e03f497dbd55", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "Administrator Role", "access_level": "system",
              "permissions": {"system": ["view", "edit"], "users": ["view", "edit", "delete"],
               "calls": ["view", "categorize", "on_demand_trigger", "delete"]}},
             {"role_id": "e011c408-f288-11e4-9b73-e03f497dbdff", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "Agent Role", "access_level": "user",
              "permissions": {"system": [], "users": ["view"], "calls": ["view", "categorize", "on_demand_trigger"]}}]}""";
    /** Reference 3.5.4, with the access level a new role needs (the reference's example leaves it out). */
    public static final String ROLE_CREATE = """
            {"role": {"name": "Supervisor Role", "tenant_id": "e00a4822-f288-11e4-b559-e03f497dbdff",
             "access_level": "managed_groups",
             "permissions": {"system": [], "users": ["view"], "calls": ["view", "categorize", "on_demand_trigger"]}}}""";
    /** Reference 3.5.5. */
    public static final String ROLE_UPDATE = """
            {"role": {"name": "Supervisor Role",
             "permissions": {"system": [], "users": ["view"], "calls": ["view", "categorize", "on_demand_trigger"]}}}""";

    private static final String USER_OBJECT = """
            {"user_id": "61e6e6b0-f147-11e5-b8b3-e03f497dbdff", "tenant_id": "34c7f1f6-9201-11e5-a739-e03f497dbdff",
             "name": "John Smith", "group_id": "47f53fcc-9201-11e5-b4ef-e03f497dbdff",
             "role_id": "5b139cee-f13a-11e5-9615-e03f497dbdff", "is_active": true, "email": "", "timezone": "",
             "managed_groups": ["34cbea90-9201-11e5-a932-e03f497dbdff", "34e1c1ee-9201-11e5-96a0-e03f497dbdff"],
             "fieldset_login": {"can_login": true, "login": "j.smith", "authenticate_type": "password",
              "must_change_password": false, "valid_till": "2016-10-01T00:00:00-0700"},
             "fieldset_recording": {"record": "always", "extensions": ["12444003002"], "confidential": false,
              "record_direction": ["in", "out"], "on_demand_default": null},
             "fieldset_licensing": {"evaluation_seat": false, "monitoring_seat": true, "recording_seat": true}}""";
    /** Reference 3.7.1, without the write-only password. */
    public static final String USER = "{\"user\": " + USER_OBJECT + "}";
    /** Reference 3.7.2, the last page, with the user of 3.7.1. */
    public static final String USERS = "{\"next_url\": null, \"total\": 1, \"users\": [" + USER_OBJECT + "]}";
    /** Reference 3.7.4. */
    public static final String USER_CREATE = """
            {"user": {"name": "John Smith", "role_id": "5b139cee-f13a-11e5-9615-e03f497dbdff",
             "group_id": "47f53fcc-9201-11e5-b4ef-e03f497dbdff", "timezone": "Europe/London",
             "fieldset_recording": {"extensions": ["2001", "2002"], "record": "always", "record_direction": ["in", "out"]},
             "fieldset_licensing": {"recording_seat": true}}}""";
    /** Reference 3.7.5. */
    public static final String USER_UPDATE = """
            {"user": {"name": "New User Name"}}""";

    /** Reference 3.2.3. */
    public static final String CLIENT = """
            {"client": {"client_id": "b74e35b0-b6e3-11e8-b938-e03f497dbdff",
             "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44", "name": "MiaRec",
             "contacts": [{"phone_number": "+14085800150", "name": "Main number"},
              {"phone_number": "+14085800105", "name": "Fax"}]}}""";
    /** Reference 3.2.2. */
    public static final String CLIENTS = """
            {"next_url": null, "clients": [
             {"client_id": "b74e35b0-b6e3-11e8-b938-e03f497dbdff", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "MiaRec", "contacts": [{"phone_number": "+14085800150", "name": "Main number"},
               {"phone_number": "+14085800105", "name": "Fax"}]},
             {"client_id": "ccb5957a-b6e5-11e8-b66b-e03f497dbdff", "tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44",
              "name": "Contoso", "contacts": [{"phone_number": "1234567890", "name": null}]}]}""";
    /** Reference 3.2.4. */
    public static final String CLIENT_CREATE = """
            {"client": {"tenant_id": "156340bf-8b47-21e4-95a4-e03f497dbd44", "name": "Contoso",
             "contacts": [{"phone_number": "1234567890", "name": null}]}}""";
    /** Reference 3.2.5. */
    public static final String CLIENT_UPDATE = """
            {"client": {"name": "New Client Name"}}""";

    private ApiExamples() {
    }
}
