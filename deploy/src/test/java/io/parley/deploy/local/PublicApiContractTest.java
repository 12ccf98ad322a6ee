package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Real answers of the platform, through the gateway, against the OpenAPI document the gateway serves
 * ({@link OpenApiContract}): every main resource's list, view, create and update, the calls' searches and view, an
 * audio file's metadata, and the API's errors. An answer the document does not describe fails, naming the field.
 */
@ExtendWith(SharedPlatform.class)
class PublicApiContractTest {

    private static final String PASSWORD = "contract-password";

    private static LocalPlatform platform;
    private static OpenApiContract contract;

    @BeforeAll
    static void document() {
        platform = SharedPlatform.platform();
        contract = OpenApiContract.servedBy(platform);
    }

    @Test
    void tenantsAnswerAsDocumented() {
        String id = location(root().body(tenantNamed("Contract " + UUID.randomUUID())).post("/api/v2/tenants.json", 201));
        root().get("/api/v2/tenants/" + id + ".json", 200);
        root().queryParam("search_term", "Contract").queryParam("limit", 2).get("/api/v2/tenants.json", 200);
        root().body("{\"tenant\": {\"timezone\": \"Europe/Paris\"}}").put("/api/v2/tenants/" + id + ".json", 200);
    }

    @Test
    void groupsRolesAndUsersAnswerAsDocumented() {
        Scene scene = Scene.create();
        root().get("/api/v2/groups/" + scene.group + ".json", 200);
        root().queryParam("tenant_id", scene.tenant).get("/api/v2/groups.json", 200);
        root().body("{\"group\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}")
                .put("/api/v2/groups/" + scene.group + ".json", 200);
        root().get("/api/v2/roles/" + scene.role + ".json", 200);
        root().queryParam("tenant_id", scene.tenant).get("/api/v2/roles.json", 200);
        root().get("/api/v2/users/" + scene.user + ".json", 200);
        root().queryParam("tenant_id", scene.tenant).get("/api/v2/users.json", 200);
        root().body("{\"user\": {\"email\": \"agent@example.com\"}}").put("/api/v2/users/" + scene.user + ".json", 200);
        root().delete("/api/v2/groups/" + scene.group + ".json", 409); // it has a user
    }

    @Test
    void clientsAnswerAsDocumented() {
        Scene scene = Scene.create();
        String id = location(root().body("""
                {"client": {"tenant_id": "%s", "name": "Client %s",
                 "contacts": [{"name": "Ann", "phone_number": "+15550123"}]}}""".formatted(scene.tenant,
                UUID.randomUUID())).post("/api/v2/clients.json", 201));
        root().get("/api/v2/clients/" + id + ".json", 200);
        root().queryParam("tenant_id", scene.tenant).get("/api/v2/clients.json", 200);
        root().delete("/api/v2/clients/" + id + ".json", 200);
    }

    @Test
    void callsSearchesViewAndAudioAnswerAsDocumented() {
        UUID call = UUID.randomUUID();
        String number = "+1555" + new Random().nextInt(1_000_000, 10_000_000);
        root().body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s", "to_number": "+15550100"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, number)).post("/recorder/v1/events", 202);
        byte[] audio = new byte[10_000];
        new Random(5).nextBytes(audio);
        root().contentType("audio/mpeg").body(audio).put("/recorder/v1/calls/" + call + "/files/1", 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> asRoot().when()
                .get(platform.serviceUrl("gateway") + "/api/v2/calls/" + call + ".json").statusCode() == 200);

        Response view = root().get("/api/v2/calls/" + call + ".json", 200);
        assertFalse(view.<List<?>> path("call.files").isEmpty());
        root().queryParam("search_term", number).get("/api/v2/calls.json", 200);
        root().queryParam("advanced_search", 1).queryParam("phone_number__includes", number)
                .queryParam("duration__lower_than", 3600).get("/api/v2/calls.json", 200);
        root().queryParam("advanced_search", 1).queryParam("phone_number__sounds_like", number)
                .get("/api/v2/calls.json", 400);
        String signed = root().queryParam("expires", 60).get("/api/v2/calls/" + call + ".json/file_url.json", 200)
                .path("signed_url");
        String signedPath = signed.substring(platform.serviceUrl("gateway").length(), signed.indexOf('?'));
        Api.validated("GET", signedPath, given().when().get(signed), 200);
        Api.validated("GET", signedPath, given().when().get(signed.replace("expires=", "expires=1")), 403);
    }

    @Test
    void encryptionKeysListAnswersAsDocumented() {
        root().get("/api/v2/encrypt_keys.json", 200);
    }

    @Test
    void errorsAnswerInTheDocumentedShapes() {
        Scene scene = Scene.create();
        root().get("/api/v2/users/" + UUID.randomUUID() + ".json", 404);
        root().body("{\"group\": {\"name\": \"\", \"tenant_id\": \"" + scene.tenant + "\", \"colour\": \"red\"}}")
                .post("/api/v2/groups.json", 400);
        root().contentType(ContentType.TEXT).body("name=x").post("/api/v2/groups.json", 415);
        new Api(given()).get("/api/v2/users.json", 401);
        new Api(given().auth().preemptive().basic(scene.login, PASSWORD)).get("/api/v2/tenants.json", 403);
    }

    @Test
    void aRenamedFieldBreaksTheContract() {
        Response tenants = asRoot().when().get(platform.serviceUrl("gateway") + "/api/v2/tenants.json");
        assertEquals(List.of(), contract.violations("GET", "/api/v2/tenants.json", tenants));
        Response renamed = asRoot().when().get(platform.serviceUrl("gateway") + "/api/v2/tenants.json");
        String body = renamed.asString().replace("\"tenant_id\"", "\"id\"");
        Response altered = new ResponseBuilder().clone(renamed).setBody(body).build();
        assertFalse(contract.violations("GET", "/api/v2/tenants.json", altered).isEmpty());
    }

    /** A tenant with a group, a role that may view its own calls, and a user of both who may log in. */
    private record Scene(String tenant, String group, String role, String user, String login) {

        static Scene create() {
            String tenant = PlatformApi.create(platform, "tenants", tenantNamed("Scene " + UUID.randomUUID()));
            String group = PlatformApi.create(platform, "groups",
                    "{\"group\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"Agents\"}}");
            String role = PlatformApi.create(platform, "roles", """
                    {"role": {"tenant_id": "%s", "name": "Agent", "access_level": "user",
                     "permissions": {"calls_own": ["view"]}}}""".formatted(tenant));
            String login = "agent-" + UUID.randomUUID();
            String user = PlatformApi.create(platform, "users", """
                    {"user": {"name": "Agent", "group_id": "%s", "role_id": "%s",
                     "fieldset_login": {"can_login": true, "login": "%s", "password": "%s"}}}"""
                    .formatted(group, role, login, PASSWORD));
            return new Scene(tenant, group, role, user, login);
        }
    }

    private static String tenantNamed(String name) {
        return "{\"tenant\": {\"name\": \"" + name + "\"}}";
    }

    private static String location(Response created) {
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }

    private static RequestSpecification asRoot() {
        return given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD);
    }

    private static Api root() {
        return new Api(asRoot().contentType(ContentType.JSON));
    }

    /** A request through the gateway whose answer is checked against the document, and has the status expected. */
    private record Api(RequestSpecification request) {

        Api body(String body) {
            return new Api(request.body(body));
        }

        Api body(byte[] body) {
            return new Api(request.body(body));
        }

        Api contentType(Object type) {
            return new Api(type instanceof ContentType content ? request.contentType(content)
                    : request.contentType(type.toString()));
        }

        Api queryParam(String name, Object value) {
            return new Api(request.queryParam(name, value));
        }

        Response get(String path, int status) {
            return validated("GET", path, request.when().get(url(path)), status);
        }

        Response post(String path, int status) {
            return validated("POST", path, request.when().post(url(path)), status);
        }

        Response put(String path, int status) {
            return validated("PUT", path, request.when().put(url(path)), status);
        }

        Response delete(String path, int status) {
            return validated("DELETE", path, request.when().delete(url(path)), status);
        }

        static Response validated(String method, String path, Response response, int status) {
            assertEquals(status, response.statusCode(), method + " " + path + ": " + response.asString());
            contract.assertDescribes(method, path, response);
            return response;
        }

        private static String url(String path) {
            return platform.serviceUrl("gateway") + path;
        }
    }
}
