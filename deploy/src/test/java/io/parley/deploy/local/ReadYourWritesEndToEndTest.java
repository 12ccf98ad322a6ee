package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A client reads its own writes across services (docs/reliability.md): an object just created in the directory can be
 * named at once in a request crypto-service serves, before the directory's event has reached crypto-service's
 * replica; and the directory, asked about it, tells a caller nothing they could not see themselves.
 */
@ExtendWith(SharedPlatform.class)
class ReadYourWritesEndToEndTest {

    /** Each round races the directory's event to crypto-service; losing the race must not change the answer. */
    private static final int ROUNDS = 10;

    private static LocalPlatform platform;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.platform();
    }

    @Test
    void aKeyCanBeCreatedForATenantRightAfterTheTenantIsCreated() {
        for (int round = 0; round < ROUNDS; round++) {
            String tenant = PlatformApi.create(platform, "tenants",
                    "{\"tenant\": {\"name\": \"Just made " + UUID.randomUUID() + "\"}}");
            String key = root().contentType(ContentType.JSON)
                    .body(generate("Right away", tenant))
                    .when().post(platform.apiUrl() + "/encrypt_keys.json")
                    .then().statusCode(201).extract().header("Location");
            root().when().get(platform.apiUrl() + key.substring("/api/v2".length()))
                    .then().statusCode(200).body("encrypt_key.tenant_id", equalTo(tenant));
        }
    }

    @Test
    void aKeyCanBeGrantedToAUserRightAfterTheUserIsCreated() {
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Grants " + UUID.randomUUID() + "\"", "Staff");
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Listener", "access_level": "user",
                 "permissions": {"calls": ["view"]}}}""".formatted(scene.tenant()));
        String location = root().contentType(ContentType.JSON)
                .body(generate("Shared", scene.tenant()).replace("}}", ", \"protection_mode\": \"app\"}}"))
                .when().post(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(201).extract().header("Location");
        String grants = platform.apiUrl() + location.substring("/api/v2".length()).replace(".json",
                "/authorized_users.json");
        for (int round = 0; round < ROUNDS; round++) {
            String user = PlatformApi.create(platform, "users", """
                    {"user": {"name": "Listener %s", "group_id": "%s", "role_id": "%s"}}"""
                    .formatted(UUID.randomUUID(), scene.group(), role));
            root().contentType(ContentType.JSON).body("{\"user\": {\"user_id\": \"" + user + "\"}}")
                    .when().post(grants)
                    .then().statusCode(201);
        }
    }

    @Test
    void aTenantTheDirectoryDoesNotHaveIsStillNoSuchTenant() {
        root().contentType(ContentType.JSON)
                .body(generate("Nowhere", UUID.randomUUID().toString()))
                .when().post(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields.description", contains("no such tenant"));
    }

    @Test
    void aTenantJustCreatedIsNoSuchTenantToACallerOutsideIt() {
        PlatformApi.TenantGroup own = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Own " + UUID.randomUUID() + "\"", "Keepers");
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Key keeper", "access_level": "system",
                 "permissions": {"encrypt_keys": ["view", "add", "edit", "delete", "grant"],
                                 "tenants": ["view"], "users": ["view"]}}}""".formatted(own.tenant()));
        String login = "keeper-" + UUID.randomUUID();
        PlatformApi.create(platform, "users", """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "keeper-password"}}}"""
                .formatted(login, own.group(), role, login));
        String other = PlatformApi.create(platform, "tenants",
                "{\"tenant\": {\"name\": \"Other " + UUID.randomUUID() + "\"}}");

        given().auth().preemptive().basic(login, "keeper-password").contentType(ContentType.JSON)
                .body(generate("Not mine", other))
                .when().post(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields.description", contains("no such tenant"));
    }

    private static RequestSpecification root() {
        return given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD);
    }

    private static String generate(String name, String tenant) {
        return "{\"encrypt_key\": {\"name\": \"" + name + "\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048}}";
    }
}
