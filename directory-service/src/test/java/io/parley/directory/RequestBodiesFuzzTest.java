package io.parley.directory;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.fuzz.ApiErrorShape;
import io.parley.common.embedded.fuzz.JsonBodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Fuzzes the JSON bodies of every directory resource, on create and on update, with variants of a valid body sent as
 * root: each is stored or refused with a 4xx in the API's error shape, never a 5xx, and the service goes on answering.
 * Each variant starts from a body with names and login of its own, so that a variant is refused for what was changed
 * in it rather than for a name an earlier one took.
 */
@QuarkusTest
class RequestBodiesFuzzTest {

    private static final int TRIES = 50;

    /** Extensions no other variant holds. */
    private static final AtomicLong EXTENSIONS = new AtomicLong(100_000);

    @Test
    void tenantBodies() {
        String tenant = createTenant();
        fuzz("/api/v2/tenants.json", "/api/v2/tenants/" + tenant + ".json", () -> """
                {"tenant": {"name": "%s", "timezone": "Europe/Paris", "encrypt_data": false,
                 "fieldset_licensing": {"recording_seats": 10, "recording_sessions": -1, "monitoring_seats": null},
                 "fieldset_associate_calls": {"extension_uniqueness": "tenant", "associate_calls": "extension",
                  "sip_uri_host": "pbx.example.com", "record_unknown_users": "record", "auto_provision": false,
                  "provision_group_id": null}}}
                """.formatted(unique("Tenant")));
    }

    @Test
    void groupBodies() {
        String tenant = createTenant();
        fuzz("/api/v2/groups.json", "/api/v2/groups/" + createGroup(tenant, unique("Group")) + ".json", () -> """
                {"group": {"tenant_id": "%s", "name": "%s", "timezone": "America/New_York"}}
                """.formatted(tenant, unique("Group")));
    }

    @Test
    void roleBodies() {
        String tenant = createTenant();
        fuzz("/api/v2/roles.json", "/api/v2/roles/" + createRole(tenant, unique("Role")) + ".json", () -> """
                {"role": {"tenant_id": "%s", "name": "%s", "access_level": "user",
                 "permissions": {"calls": ["view", "delete"], "users": ["view"]}}}
                """.formatted(tenant, unique("Role")));
    }

    @Test
    void userBodies() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Group"));
        String role = createRole(tenant, unique("Role"));
        fuzz("/api/v2/users.json", "/api/v2/users/" + createUser(group, role, unique("User"), "") + ".json",
                () -> """
                        {"user": {"name": "%s", "group_id": "%s", "role_id": "%s", "is_active": true,
                         "email": "a@example.com", "timezone": null, "managed_groups": ["%s"],
                         "fieldset_login": {"can_login": true, "login": "%s", "password": "Secret-123",
                          "authenticate_type": "password", "must_change_password": false,
                          "valid_till": "2030-01-01T00:00:00+0000"},
                         "fieldset_recording": {"record": "always", "extensions": ["%s", "sip:%s@b"], "confidential": false,
                          "record_direction": ["in", "out"], "on_demand_default": null},
                         "fieldset_licensing": {"recording_seat": false, "monitoring_seat": false, "evaluation_seat": false}}}
                        """.formatted(unique("User"), group, role, group, unique("login").replace(" ", ""),
                        EXTENSIONS.incrementAndGet(),
                        EXTENSIONS.incrementAndGet()));
    }

    @Test
    void clientBodies() {
        String tenant = createTenant();
        String client = given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"" + unique("Client")
                        + "\", \"contacts\": [{\"phone_number\": \"555-0101\"}]}}")
                .when().post("/api/v2/clients.json").then().statusCode(201).extract().header("Location");
        fuzz("/api/v2/clients.json", client.substring(client.indexOf("/api/")), () -> """
                {"client": {"tenant_id": "%s", "name": "%s",
                 "contacts": [{"phone_number": "555-0100", "name": "Front desk"}]}}
                """.formatted(tenant, unique("Client")));
    }

    /**
     * The valid body is created as it is; then its variants, created and as the update of an existing object; then a
     * valid read.
     */
    private static void fuzz(String collection, String object, Supplier<String> valid) {
        given().contentType(ContentType.JSON).body(valid.get()).when().post(collection).then().statusCode(201);
        ApiErrorShape.assertEachAnswered(TRIES, data -> given().contentType(ContentType.JSON)
                .body(JsonBodies.around(data, valid.get())).when().post(collection));
        ApiErrorShape.assertEachAnswered(TRIES, data -> given().contentType(ContentType.JSON)
                .body(JsonBodies.around(data, valid.get())).when().put(object));
        given().when().get(object).then().statusCode(200);
    }
}
