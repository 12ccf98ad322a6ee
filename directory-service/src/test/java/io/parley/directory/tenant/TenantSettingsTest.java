package io.parley.directory.tenant;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.tenant.TenantResourceTest.createTenant;
import static io.parley.directory.tenant.TenantResourceTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.RandomText;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Tenant licensing and call-association settings, updates and deletes (reference 3.6). */
@QuarkusTest
class TenantSettingsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void newTenantHasNoLicenseLimitsAndAssociatesCallsByExtension() {
        String id = createTenant(unique("Defaults"));
        view(id).statusCode(200)
                .body("tenant.fieldset_licensing.recording_seats", nullValue())
                .body("tenant.fieldset_licensing.speech_analytics", nullValue())
                .body("tenant.fieldset_associate_calls.extension_uniqueness", equalTo("systemwide"))
                .body("tenant.fieldset_associate_calls.associate_calls", equalTo("extension"))
                .body("tenant.fieldset_associate_calls.record_unknown_users", equalTo("record"))
                .body("tenant.fieldset_associate_calls.auto_provision", equalTo(false))
                .body("tenant.fieldset_associate_calls.sip_uri_host", equalTo(""))
                .body("tenant.fieldset_associate_calls.provision_group_id", nullValue());
    }

    @Test
    void everySettingOfTheReferenceRoundTrips() {
        String id = created("""
                {"tenant": {"name": "%s", "timezone": "America/New_York", "encrypt_data": true,
                  "fieldset_licensing": {"license_mode": "fixed", "recording_seats": 20, "recording_sessions": 0,
                    "screen_recording_seats": -1, "monitoring_seats": 10, "monitoring_sessions": null,
                    "evaluation_seats": 50, "speech_analytics": 10},
                  "fieldset_associate_calls": {"extension_uniquness": "tenant", "associate_calls": "broadworks_group",
                    "associate_calls_condition": "BroadWorks-groupID = \\"FlexusGroup\\"",
                    "broadworks_sp_id": "FlexusProvider", "broadworks_group_id": "FlexusGroup",
                    "sip_uri_host": "", "cisco_partition": "", "metaswitch_system": "", "metaswitch_group": "",
                    "record_unknown_users": "ignore", "auto_provision": false}}}
                """.formatted(unique("Flexus")));

        view(id).statusCode(200)
                .body("tenant.timezone", equalTo("America/New_York"))
                .body("tenant.encrypt_data", equalTo(true))
                .body("tenant.fieldset_licensing.recording_seats", equalTo(20))
                .body("tenant.fieldset_licensing.recording_sessions", equalTo(0))
                .body("tenant.fieldset_licensing.screen_recording_seats", nullValue())
                .body("tenant.fieldset_licensing.monitoring_seats", equalTo(10))
                .body("tenant.fieldset_licensing.evaluation_seats", equalTo(50))
                .body("tenant.fieldset_licensing.speech_analytics", equalTo(10))
                .body("tenant.fieldset_licensing", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("license_mode")))
                .body("tenant.fieldset_associate_calls.extension_uniqueness", equalTo("tenant"))
                .body("tenant.fieldset_associate_calls.associate_calls", equalTo("broadworks_group"))
                .body("tenant.fieldset_associate_calls.broadworks_sp_id", equalTo("FlexusProvider"))
                .body("tenant.fieldset_associate_calls.associate_calls_condition",
                        equalTo("BroadWorks-groupID = \"FlexusGroup\""))
                .body("tenant.fieldset_associate_calls.record_unknown_users", equalTo("ignore"));
    }

    @Test
    void updateChangesOnlyTheSuppliedFields() {
        String id = created("""
                {"tenant": {"name": "%s", "timezone": "Europe/Paris",
                  "fieldset_licensing": {"recording_seats": 5, "monitoring_seats": 2}}}
                """.formatted(unique("Partial")));
        String renamed = unique("Renamed");

        update(id, "{\"tenant\": {\"name\": \"" + renamed + "\", \"fieldset_licensing\": {\"recording_seats\": 7}}}")
                .statusCode(200)
                .body("tenant.name", equalTo(renamed))
                .body("tenant.timezone", equalTo("Europe/Paris"))
                .body("tenant.fieldset_licensing.recording_seats", equalTo(7))
                .body("tenant.fieldset_licensing.monitoring_seats", equalTo(2));
        update(id, "{\"tenant\": {\"timezone\": null, \"fieldset_licensing\": {\"monitoring_seats\": null}}}")
                .statusCode(200)
                .body("tenant.timezone", nullValue())
                .body("tenant.fieldset_licensing.monitoring_seats", nullValue())
                .body("tenant.fieldset_licensing.recording_seats", equalTo(7));
    }

    @Test
    void renamingToAnotherTenantsNameIsRejectedButKeepingOwnNameIsNot() {
        String taken = unique("Taken");
        createTenant(taken);
        String name = unique("Mine");
        String id = createTenant(name);

        update(id, "{\"tenant\": {\"name\": \"" + taken + "\"}}").statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"));
        update(id, "{\"tenant\": {\"name\": \"" + name + "\"}}").statusCode(200);
    }

    @Test
    void settingsOutsideTheirValueSetsAreRejectedByName() {
        String body = """
                {"tenant": {"name": "%s",
                  "fieldset_licensing": {"recording_seats": -5},
                  "fieldset_associate_calls": {"extension_uniqueness": "galaxy", "associate_calls": "telepathy",
                    "record_unknown_users": "maybe"}}}
                """.formatted(unique("Invalid"));
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/tenants.json").then().statusCode(400)
                .body("error", equalTo("RecordInvalid"));
        for (String field : new String[] { "fieldset_licensing.recording_seats",
                "fieldset_associate_calls.extension_uniqueness", "fieldset_associate_calls.associate_calls",
                "fieldset_associate_calls.record_unknown_users" }) {
            response.body("details.fields.field_name", hasItem(field));
        }
    }

    @Test
    void associationSettingLongerInBytesThanItsBoundIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + unique("Long") + "\", \"fieldset_associate_calls\": "
                        + "{\"sip_uri_host\": \"" + RandomText.cjk(342) + "\"}}}") // 1,026 bytes
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("fieldset_associate_calls.sip_uri_host"));
    }

    @Test
    void associationModeNeedsItsSettings() {
        given().contentType(ContentType.JSON).body("""
                {"tenant": {"name": "%s", "fieldset_associate_calls": {"associate_calls": "metaswitch_group",
                  "metaswitch_system": "ms1"}}}
                """.formatted(unique("Metaswitch")))
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_associate_calls.metaswitch_group"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void conditionModeTakesTheReferencesExampleAndNeedsACondition() {
        String id = created("""
                {"tenant": {"name": "%s", "fieldset_associate_calls": {"associate_calls": "condition",
                  "associate_calls_condition":
                    "BroadWorks-serviceProviderID = \\"FlexusProvider\\" AND BroadWorks-groupID = \\"FlexusGroup\\""}}}
                """.formatted(unique("Condition")));
        view(id).statusCode(200)
                .body("tenant.fieldset_associate_calls.associate_calls", equalTo("condition"))
                .body("tenant.fieldset_associate_calls.associate_calls_condition", equalTo(
                        "BroadWorks-serviceProviderID = \"FlexusProvider\" AND BroadWorks-groupID = \"FlexusGroup\""));
        update(id, "{\"tenant\": {\"fieldset_associate_calls\": {\"associate_calls_condition\": \" \"}}}")
                .statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_associate_calls.associate_calls_condition"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void conditionThatDoesNotParseIsRejectedSayingWhereAndWhy() {
        given().contentType(ContentType.JSON).body("""
                {"tenant": {"name": "%s", "fieldset_associate_calls": {"associate_calls": "condition",
                  "associate_calls_condition": "BroadWorks-groupID = \\"FlexusGroup\\" AND BroadWorks-spID = \\"F\\""}}}
                """.formatted(unique("Unparsed")))
                .when().post("/api/v2/tenants.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.field_name", contains("fieldset_associate_calls.associate_calls_condition"))
                .body("details.fields[0].error", equalTo("invalid"))
                .body("details.fields[0].description",
                        equalTo("is not a condition: unknown attribute BroadWorks-spID at character 40"));
    }

    @Test
    void conditionGivenWithAnotherModeIsCheckedToo() {
        String id = createTenant(unique("Extension"));
        update(id, """
                {"tenant": {"fieldset_associate_calls": {"associate_calls": "extension",
                  "associate_calls_condition": "Call-fromNumber STARTS WITH \\"+1"}}}
                """).statusCode(400)
                .body("details.fields.field_name", contains("fieldset_associate_calls.associate_calls_condition"))
                .body("details.fields[0].description", equalTo("is not a condition: unterminated string at character 29"));
        update(id, """
                {"tenant": {"fieldset_associate_calls": {"associate_calls_condition": "Call-fromNumber STARTS WITH \\"+1\\""}}}
                """).statusCode(200);
        view(id).statusCode(200)
                .body("tenant.fieldset_associate_calls.associate_calls", equalTo("extension"))
                .body("tenant.fieldset_associate_calls.associate_calls_condition",
                        equalTo("Call-fromNumber STARTS WITH \"+1\""));
    }

    @Test
    void storedConditionThatDoesNotParseIsCheckedWhenTheModeBecomesCondition() {
        String id = createTenant(unique("Stored"));
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE tenant SET associate_calls_condition = ?1 WHERE id = ?2")
                .setParameter(1, "Nope = \"x\"").setParameter(2, UUID.fromString(id)).executeUpdate());
        update(id, "{\"tenant\": {\"name\": \"" + unique("Renamed") + "\"}}").statusCode(200);
        update(id, "{\"tenant\": {\"fieldset_associate_calls\": {\"associate_calls\": \"condition\"}}}")
                .statusCode(400)
                .body("details.fields.field_name", contains("fieldset_associate_calls.associate_calls_condition"))
                .body("details.fields[0].description", equalTo("is not a condition: unknown attribute Nope at character 1"));
    }

    @Test
    void autoProvisionNeedsAGroupAndRoleOfTheTenantItself() {
        String tenant = createTenant(unique("Provisioned"));
        String other = createTenant(unique("Other"));
        String group = createGroup(tenant, unique("Group"));
        String role = createRole(tenant, unique("Role"));
        String foreignGroup = createGroup(other, unique("Group"));

        update(tenant, "{\"tenant\": {\"fieldset_associate_calls\": {\"auto_provision\": true}}}").statusCode(400)
                .body("details.fields.field_name", hasItem("fieldset_associate_calls.provision_group_id"));
        update(tenant, """
                {"tenant": {"fieldset_associate_calls": {"auto_provision": true, "provision_group_id": "%s",
                  "provision_role_id": "%s"}}}
                """.formatted(foreignGroup, role)).statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_associate_calls.provision_group_id"))
                .body("details.fields[0].error", equalTo("invalid"));
        update(tenant, """
                {"tenant": {"fieldset_associate_calls": {"auto_provision": true, "provision_group_id": "%s",
                  "provision_role_id": "%s"}}}
                """.formatted(group, role)).statusCode(200)
                .body("tenant.fieldset_associate_calls.auto_provision", equalTo(true))
                .body("tenant.fieldset_associate_calls.provision_group_id", equalTo(group));

        given().when().delete("/api/v2/groups/" + group + ".json").then().statusCode(409).body("error", equalTo("InUse"));
        given().when().delete("/api/v2/roles/" + role + ".json").then().statusCode(409).body("error", equalTo("InUse"));
    }

    @Test
    void deleteRemovesTheTenantAndWhatItOwns() {
        String tenant = createTenant(unique("Doomed"));
        String group = createGroup(tenant, unique("Group"));

        given().when().delete("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);

        view(tenant).statusCode(404);
        given().when().get("/api/v2/groups/" + group + ".json").then().statusCode(404);
    }

    @Test
    void deleteIsAlsoServedOnTheReferencesSingularPath() {
        String tenant = createTenant(unique("Singular"));
        given().when().delete("/api/v2/tenant/" + tenant + ".json").then().statusCode(200);
        view(tenant).statusCode(404);
    }

    @Test
    void systemTenantCannotBeDeleted() {
        String system = given().queryParam("search_term", "System").when().get("/api/v2/tenants.json")
                .then().extract().path("tenants.find { it.name == 'System' }.tenant_id");
        given().when().delete("/api/v2/tenants/" + system + ".json")
                .then().statusCode(409)
                .body("error", equalTo("InvalidState"));
    }

    @Test
    void updateAndDeleteOfAnUnknownTenantAre404() {
        update(UUID.randomUUID().toString(), "{\"tenant\": {\"name\": \"x\"}}").statusCode(404);
        given().when().delete("/api/v2/tenants/" + UUID.randomUUID() + ".json").then().statusCode(404);
    }

    @Test
    void updateAndDeleteArePublishedWithTheTenant() throws Exception {
        String id = createTenant(unique("Evented"));
        String renamed = unique("Evented renamed");
        update(id, "{\"tenant\": {\"name\": \"" + renamed + "\"}}").statusCode(200);
        given().when().delete("/api/v2/tenants/" + id + ".json").then().statusCode(200);

        JsonNode updated = event(id, DirectoryEvents.TENANT_UPDATED);
        assertEquals(renamed, updated.at("/data/tenant/name").asText());
        JsonNode deleted = event(id, DirectoryEvents.TENANT_DELETED);
        assertEquals(renamed, deleted.at("/data/tenant/name").asText());
        assertEquals(id, deleted.get("tenantid").asText());
    }

    private JsonNode event(String id, String type) throws Exception {
        String value = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                record -> record.contains(id) && record.contains("\"" + type + "\""), Duration.ofSeconds(30))
                .orElseThrow().value();
        return new ObjectMapper().readTree(value);
    }

    private static String created(String body) {
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/tenants.json")
                .then().statusCode(201)
                .extract().header("Location");
        return location.substring("/api/v2/tenants/".length(), location.length() - ".json".length());
    }

    private static ValidatableResponse view(String id) {
        return given().when().get("/api/v2/tenants/" + id + ".json").then();
    }

    private static ValidatableResponse update(String id, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v2/tenants/" + id + ".json").then();
    }

}
