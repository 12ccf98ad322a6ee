package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Encryption keys through the real gateway: the password-derived key secret reaches crypto-service, so a user-mode
 * key is created with its creator holding it, and a grant to a user who has signed in is usable at once.
 */
@ExtendWith(SharedPlatform.class)
class EncryptionKeysEndToEndTest {

    private static LocalPlatform platform;
    private static String tenantId;
    private static String roleId;
    private static String groupId;

    @BeforeAll
    static void tenantWithAKeyAdministratorsRole() {
        platform = SharedPlatform.platform();
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Keys " + UUID.randomUUID() + "\"", "Keepers");
        tenantId = scene.tenant();
        groupId = scene.group();
        roleId = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Key keeper", "access_level": "system",
                 "permissions": {"encrypt_keys": ["view", "add", "edit", "delete", "grant"],
                                 "calls": ["playback"]}}}""".formatted(tenantId));
    }

    @Test
    void aUserModeKeyCreatedThroughTheGatewayIsHeldByItsCreatorAndGrantedToASignedInUser() {
        String keeper = "keeper-" + UUID.randomUUID();
        String keeperId = user(keeper);
        String agent = "agent-" + UUID.randomUUID();
        String agentId = user(agent);
        // the agent signs in to crypto-service once (their personal key is made from their secret), once the
        // directory's announcement of them has reached it
        given().auth().preemptive().basic(agent, "agent-password-" + agent)
                .when().get(platform.apiUrl() + "/encrypt_keys.json").then().statusCode(200);

        String location = given().auth().preemptive().basic(keeper, "agent-password-" + keeper)
                .contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Vault\", \"add_type\": \"generate\", \"key_length\": 2048,"
                        + " \"is_active\": true}}")
                .when().post(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(201).extract().header("Location");
        String users = platform.apiUrl() + location.substring("/api/v2".length()).replace(".json",
                "/authorized_users.json");
        given().auth().preemptive().basic(keeper, "agent-password-" + keeper).when().get(users)
                .then().statusCode(200)
                .body("users[0].user_id", equalTo(keeperId))
                .body("users[0].status", equalTo("active"));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive()
                .basic(keeper, "agent-password-" + keeper).contentType(ContentType.JSON)
                .body("{\"user\": {\"user_id\": \"" + agentId + "\"}}")
                .when().post(users).then().extract().statusCode() == 201);
        given().auth().preemptive().basic(keeper, "agent-password-" + keeper).when().get(users)
                .then().statusCode(200)
                .body("users.find { it.user_id == '" + agentId + "' }.status", equalTo("active"));
    }

    private static String user(String login) {
        return PlatformApi.create(platform, "users", """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "agent-password-%s"}}}"""
                .formatted(login, groupId, roleId, login, login));
    }
}
