package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.parley.common.embedded.IdentityKeyPair;
import io.restassured.http.ContentType;

/**
 * Who gets in, through the real gateway and directory: malformed and wrong credentials, users who may not sign in,
 * changes that end a cached sign-in, throttling of guesses; and services that refuse what did not come through the
 * gateway.
 */
@ExtendWith(SharedPlatform.class)
class GatewayAuthenticationEndToEndTest {

    /** A change must take effect within a second; this only bounds how long a broken build waits. */
    private static final Duration SHORTLY = Duration.ofSeconds(15);

    private static LocalPlatform platform;
    private static String tenantId;
    private static String groupId;
    private static String roleId;

    @TempDir
    static Path otherKeys;

    @BeforeAll
    static void tenantWithAGroupAndARole() {
        platform = SharedPlatform.platform();
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Auth " + UUID.randomUUID() + "\"", "Agents");
        tenantId = scene.tenant();
        groupId = scene.group();
        roleId = createRole(tenantId);
    }

    @Test
    void eachMalformedAuthorizationHeaderGets401WithAChallenge() {
        List<String> headers = List.of("", "Basic", "Basic ", "Basic %%%not-base64%%%", "Basic " + base64("no-colon"),
                "Basic " + base64(":password-without-login"), "Basic" + base64(SharedPlatform.ROOT + ":"
                        + SharedPlatform.PASSWORD),
                "Digest username=\"root\", realm=\"Parley\"", "Token abc",
                "Bearer " + rootToken(platform.identityKeys())); // a token the services would accept: not here
        for (String header : headers) {
            given().header("Authorization", header)
                    .when().get(platform.apiUrl() + "/tenants.json")
                    .then().statusCode(401)
                    .contentType(startsWith("text/plain"))
                    .header("WWW-Authenticate", startsWith("Basic realm="));
        }
    }

    @Test
    void wrongPasswordGets401WithAChallenge() {
        String login = login();
        String id = user(login, "right-password", true, true, null);
        assertEquals(200, status(login, "right-password", id));
        given().auth().preemptive().basic(login, "wrong-password")
                .when().get(platform.apiUrl() + "/users/" + id + ".json")
                .then().statusCode(401)
                .contentType(startsWith("text/plain"))
                .header("WWW-Authenticate", startsWith("Basic realm="));
    }

    @Test
    void aUserWhoIsNotActiveCannotSignIn() {
        String login = login();
        String id = user(login, "a-password", false, true, null);
        assertEquals(401, status(login, "a-password", id));
    }

    @Test
    void aUserWhoMayNotLogInCannotSignIn() {
        String login = login();
        String id = user(login, "a-password", true, false, null);
        assertEquals(401, status(login, "a-password", id));
    }

    @Test
    void aUserPastValidTillCannotSignIn() {
        String login = login();
        String id = user(login, "a-password", true, true, "2020-01-01T00:00:00+0000");
        assertEquals(401, status(login, "a-password", id));
    }

    @Test
    void aPasswordChangeEndsTheOldPasswordShortlyAfter() {
        String login = login();
        String id = user(login, "old-password", true, true, null);
        assertEquals(200, status(login, "old-password", id)); // now cached

        update(id, "{\"user\": {\"fieldset_login\": {\"password\": \"new-password\"}}}");

        await().atMost(SHORTLY).until(() -> status(login, "old-password", id) == 401);
        assertEquals(200, status(login, "new-password", id));
    }

    @Test
    void aDeactivationTakesEffectShortlyAfter() {
        String login = login();
        String id = user(login, "a-password", true, true, null);
        assertEquals(200, status(login, "a-password", id));

        update(id, "{\"user\": {\"is_active\": false}}");

        await().atMost(SHORTLY).until(() -> status(login, "a-password", id) == 401);
    }

    @Test
    void usersOfADeletedTenantCannotSignInShortlyAfter() {
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Doomed " + UUID.randomUUID() + "\"", "Agents");
        String tenant = scene.tenant();
        String group = scene.group();
        String role = createRole(tenant);
        String login = login();
        String id = user(login, "a-password", true, true, null, group, role);
        assertEquals(200, status(login, "a-password", id));

        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().delete(platform.apiUrl() + "/tenants/" + tenant + ".json")
                .then().statusCode(200);

        await().atMost(SHORTLY).until(() -> status(login, "a-password", id) == 401);
    }

    @Test
    void repeatedFailuresOfALoginGet429WithRetryAfter() {
        String login = login();
        String id = user(login, "right-password", true, true, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(login, "guess-" + i, id));
        }
        given().auth().preemptive().basic(login, "right-password") // not checked any more, right or wrong
                .when().get(platform.apiUrl() + "/users/" + id + ".json")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .contentType(ContentType.JSON)
                .body("error", equalTo("TooManyRequests"));
    }

    /** The services verify the gateway's token themselves: one sent around the gateway is refused. */
    @Test
    void aServiceCalledDirectlyWithoutATokenRefusesTheRequest() {
        given().when().get(platform.serviceUrl("directory-service") + "/api/v2/tenants.json")
                .then().statusCode(401);
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD) // Basic is the gateway's
                .when().get(platform.serviceUrl("directory-service") + "/api/v2/tenants.json")
                .then().statusCode(401);
    }

    /** The services accept tokens of the gateway's key only. */
    @Test
    void aServiceRefusesATokenSignedByAnotherKeyAndAcceptsTheGatewaysKey() {
        String directory = platform.serviceUrl("directory-service") + "/api/v2/tenants.json";
        given().header("Authorization", "Bearer " + rootToken(IdentityKeyPair.in(otherKeys)))
                .when().get(directory)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + rootToken(platform.identityKeys()))
                .when().get(directory)
                .then().statusCode(200);
    }

    @Test
    void theIdentityKeysLiveInTheDataDirectoryWithThePrivateKeyReadableByItsOwnerOnly() throws Exception {
        Path privateKey = platform.identityKeys().privateKey();
        assertEquals(Path.of("keys", "identity-private.pem"), privateKey.getParent().getParent()
                .relativize(privateKey));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(privateKey)));
    }

    /** The status of viewing one's own user: 200 when the gateway let the caller through. */
    private static int status(String login, String password, String userId) {
        return given().auth().preemptive().basic(login, password)
                .when().get(platform.apiUrl() + "/users/" + userId + ".json")
                .then().extract().statusCode();
    }

    private static String user(String login, String password, boolean active, boolean canLogin, String validTill) {
        return user(login, password, active, canLogin, validTill, groupId, roleId);
    }

    private static String user(String login, String password, boolean active, boolean canLogin, String validTill,
            String group, String role) {
        String validity = validTill == null ? "" : ", \"valid_till\": \"" + validTill + "\"";
        return PlatformApi.create(platform, "users", """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s", "is_active": %s,
                 "fieldset_login": {"can_login": %s, "login": "%s", "password": "%s"%s}}}"""
                .formatted(login, group, role, active, canLogin, login, password, validity));
    }

    /** A role that may view the users of its tenant, so that signing in shows as a 200. */
    private static String createRole(String tenant) {
        return PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Viewer", "access_level": "system",
                 "permissions": {"users": ["view"]}}}""".formatted(tenant));
    }

    private static void update(String userId, String json) {
        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body(json)
                .when().put(platform.apiUrl() + "/users/" + userId + ".json")
                .then().statusCode(200);
    }

    /** A root identity token as the gateway would sign it for the platform's root user, with these keys. */
    private static String rootToken(IdentityKeyPair keys) {
        Map<String, Object> root = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .queryParam("login", SharedPlatform.ROOT)
                .when().get(platform.apiUrl() + "/users.json")
                .then().statusCode(200)
                .extract().path("users[0]");
        return IdentityTokens.rootToken(keys, (String) root.get("user_id"), SharedPlatform.ROOT,
                (String) root.get("tenant_id"), (String) root.get("group_id"), (String) root.get("role_id"));
    }

    private static String login() {
        return "auth-" + UUID.randomUUID();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
