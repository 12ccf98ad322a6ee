package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real answers of the platform, through the gateway, against the OpenAPI document the gateway serves
 * ({@link OpenApiContract}): every public operation (list, view, create, update and delete of each resource, the
 * calls' searches, view, audio and muting, encryption keys and their authorized users, the recorders' API) and the
 * API's errors. An answer the document does not describe fails, naming the field; so does one that lacks a field
 * the document says it always carries. The document's own examples are held to the same reading.
 */
@ExtendWith(SharedPlatform.class)
class PublicApiContractTest {

    private static final String PASSWORD = "contract-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        Api.validated("GET", signedPath, given().header("Range", "bytes=0-99").when().get(signed), 206);
        Api.validated("GET", signedPath, given().when().get(signed.replace("expires=", "expires=1")), 403);
        root().contentType("audio/mpeg").body(audio).put("/recorder/v1/calls/" + call + "/files/1", 200);
        root().contentType("text/plain").body(audio).put("/recorder/v1/calls/" + call + "/files/2", 415);
        root().contentType("audio/mpeg").body(audio).put("/recorder/v1/calls/" + call + "/files/x!", 400);
        root().get("/api/v2/calls/" + call + ".json/file", 200);
        root().header("Range", "bytes=0-99").get("/api/v2/calls/" + call + ".json/file", 206);
        root().header("Range", "bytes=20000-").get("/api/v2/calls/" + call + ".json/file", 416);
        root().delete("/api/v2/calls/" + call + ".json", 200);
        root().get("/api/v2/calls/" + call + ".json", 404);
        root().contentType("audio/mpeg").body(audio).put("/recorder/v1/calls/" + call + "/files/1", 404);
    }

    @Test
    void recorderEventsRefusedAnswerAsDocumented() {
        root().body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"from_number": "+15550100"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID())).post("/recorder/v1/events", 400);
        root().contentType(ContentType.TEXT).body("call.started").post("/recorder/v1/events", 415);
    }

    @Test
    void encryptionKeysAndTheirUsersAnswerAsDocumented() {
        Scene scene = Scene.create();
        root().get("/api/v2/encrypt_keys.json", 200);
        root().body("{\"encrypt_key\": {\"name\": \"Short\", \"add_type\": \"generate\", \"key_length\": 1000}}")
                .post("/api/v2/encrypt_keys.json", 400);
        String key = newKey(scene.tenant);
        String path = "/api/v2/encrypt_keys/" + key;
        root().get(path + ".json", 200);
        root().queryParam("tenant_id", scene.tenant).get("/api/v2/encrypt_keys.json", 200);
        root().body("{\"encrypt_key\": {\"name\": \"Renamed " + UUID.randomUUID() + "\"}}").put(path + ".json", 200);

        root().body("{\"user\": {\"user_id\": \"" + scene.user + "\"}}").post(path + "/authorized_users.json", 201);
        // root, who made the key, holds it (active); the user, never signed in to crypto-service, is pending
        String rootId = root().get(path + "/authorized_users.json", 200).path("users.find { it.user_id != '"
                + scene.user + "' }.user_id");
        root().body("{\"user\": {\"user_id\": \"" + rootId + "\"}}").post(path + "/authorized_users.json", 409);
        root().delete(path + "/authorized_users/" + scene.user + ".json", 200);
        root().delete(path + "/authorized_users/" + scene.user + ".json", 404);
        root().delete(path + ".json", 200);
        root().get(path + ".json", 404);
    }

    @Test
    void mutingAnswersAsDocumented() {
        Scene scene = Scene.create();
        String extension = "7" + new Random().nextInt(1_000_000, 10_000_000);
        String user = scene.user("Muted " + extension, """
                "fieldset_recording": {"record": "always", "extensions": ["%s"]}""".formatted(extension));
        UUID call = UUID.randomUUID();
        root().body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "+14085551234", "to_number": "%s",
                  "participants": [{"participant_id": "1", "party_number": "%s"}]}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, extension, extension))
                .post("/recorder/v1/events", 202);
        String view = platform.serviceUrl("gateway") + "/api/v2/calls/" + call + ".json";
        await().atMost(Duration.ofSeconds(30)).until(() -> user.equals(asRoot().when().get(view).then().extract()
                .path("call.participants[0].user_id")));

        root().queryParam("action", "mute").post("/api/v2/calls/" + call + ".json/muting", 200);
        root().queryParam("action", "unmute").post("/api/v2/users/" + user + ".json/muting", 200);
        root().queryParam("action", "pause").post("/api/v2/calls/" + call + ".json/muting", 400);
        root().queryParam("action", "mute").post("/api/v2/calls/" + UUID.randomUUID() + ".json/muting", 404);
        root().queryParam("action", "mute").post("/api/v2/users/" + scene.user + ".json/muting", 404);

        root().body("""
                {"event_id": "%s", "type": "call.ended", "occurred_at": "2026-03-01T10:05:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "disconnect_time": "2026-03-01T10:05:00Z"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call)).post("/recorder/v1/events", 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> asRoot().when().get(view).then().extract()
                .path("call.disconnect_time") != null);
        root().queryParam("action", "mute").post("/api/v2/calls/" + call + ".json/muting", 409);
    }

    @Test
    void changesAndDeletionsAnswerAsDocumented() {
        Scene scene = Scene.create();
        String client = location(root().body("""
                {"client": {"tenant_id": "%s", "name": "Client", "contacts": [{"phone_number": "+15550199", "name": null}]}}"""
                .formatted(scene.tenant)).post("/api/v2/clients.json", 201));
        root().body("{\"client\": {\"name\": \"Renamed\"}}").put("/api/v2/clients/" + client + ".json", 200);
        root().body("{\"role\": {\"permissions\": {\"calls_own\": [\"view\", \"playback\"]}}}")
                .put("/api/v2/roles/" + scene.role + ".json", 200);
        root().delete("/api/v2/roles/" + scene.role + ".json", 409); // it has a user
        root().delete("/api/v2/users/" + scene.user + ".json", 200);
        root().delete("/api/v2/roles/" + scene.role + ".json", 200);
        root().delete("/api/v2/groups/" + scene.group + ".json", 200);
        root().delete("/api/v2/tenant/" + scene.tenant + ".json", 200); // and its client with it
        root().delete("/api/v2/tenants/" + scene.tenant + ".json", 404);
        root().get("/api/v2/clients/" + client + ".json", 404);
    }

    @Test
    void encryptedRecordingsAnswerAsDocumented() throws Exception {
        String tenant = location(root().body("{\"tenant\": {\"name\": \"Encrypting " + UUID.randomUUID()
                + "\", \"encrypt_data\": true}}").post("/api/v2/tenants.json", 201));
        String group = location(root().body("{\"group\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"Agents\"}}")
                .post("/api/v2/groups.json", 201));
        String role = location(root().body("""
                {"role": {"tenant_id": "%s", "name": "Agent", "access_level": "user",
                 "permissions": {"calls_own": ["view"]}}}""".formatted(tenant)).post("/api/v2/roles.json", 201));
        String extension = "7" + new Random().nextInt(1_000_000, 10_000_000);
        Scene.user(group, role, "Agent", """
                "fieldset_recording": {"record": "always", "extensions": ["%s"]}""".formatted(extension));
        // a key imported without its private half: recordings are encrypted to it, and cannot be played here
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        root().body("""
                {"encrypt_key": {"name": "Escrow", "tenant_id": "%s", "add_type": "import", "is_active": true,
                 "protection_mode": "app", "public_key": "%s"}}""".formatted(tenant, publicKey))
                .post("/api/v2/encrypt_keys.json", 201);

        UUID call = UUID.randomUUID();
        root().body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s", "to_number": "+15550100"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, extension)).post("/recorder/v1/events", 202);
        String view = platform.serviceUrl("gateway") + "/api/v2/calls/" + call + ".json";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tenant.equals(asRoot().when().get(view).then().extract().path("call.tenant_id")));
        // 409 (NoEncryptionKey) until call-service has learned of the tenant's key: each answer as documented
        String upload = "/recorder/v1/calls/" + call + "/files/1";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response answer = asRoot().contentType("audio/mpeg").body(new byte[1_000]).when()
                    .put(platform.serviceUrl("gateway") + upload);
            contract.assertDescribes("PUT", upload, answer);
            return answer.statusCode() == 201;
        });

        root().get("/api/v2/calls/" + call + ".json/file", 409);
        root().queryParam("expires", 60).get("/api/v2/calls/" + call + ".json/file_url.json", 409);
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

    @Test
    void aFieldLeftOutOfAnAnswerBreaksTheContract() {
        Scene scene = Scene.create();
        String client = location(root().body("""
                {"client": {"tenant_id": "%s", "name": "Client", "contacts": [{"phone_number": "+15550123"}]}}"""
                .formatted(scene.tenant)).post("/api/v2/clients.json", 201));
        String key = newKey(scene.tenant);
        List<String> answers = List.of("/api/v2/tenants/" + scene.tenant + ".json",
                "/api/v2/groups/" + scene.group + ".json", "/api/v2/roles/" + scene.role + ".json",
                "/api/v2/users/" + scene.user + ".json", "/api/v2/clients/" + client + ".json",
                "/api/v2/encrypt_keys/" + key + ".json", "/api/v2/encrypt_keys/" + key + "/authorized_users.json");
        for (String path : answers) {
            Response answer = root().get(path, 200);
            JsonNode body = JSON.readTree(answer.asString());
            // total comes on a list's last page only; a role's permissions are a dictionary, not fields
            List<String> unnoticed = fields(body, "").stream()
                    .filter(field -> !field.equals("/total") && !field.startsWith("/role/permissions/"))
                    .filter(field -> contract.violations("GET", path, new ResponseBuilder().clone(answer)
                            .setBody(JSON.writeValueAsString(without(body, field))).build()).isEmpty())
                    .toList();
            assertEquals(List.of(), unnoticed, path + ": fields an answer may lack, by the document");
        }
    }

    @Test
    void theDocumentsExamplesAreValidAnswers() {
        assertTrue(contract.examples() > 0);
        assertEquals(List.of(), contract.exampleViolations());
    }

    /** Every field of a JSON answer, as a JSON pointer, nested ones and those of list items included. */
    private static List<String> fields(JsonNode node, String at) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                fields.add(at + "/" + field.getKey());
                fields.addAll(fields(field.getValue(), at + "/" + field.getKey()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.addAll(fields(node.get(i), at + "/" + i));
            }
        }
        return fields;
    }

    /** A copy of {@code body} without the field at {@code pointer}. */
    private static JsonNode without(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        int last = pointer.lastIndexOf('/');
        ((ObjectNode) copy.at(pointer.substring(0, last))).remove(pointer.substring(last + 1));
        return copy;
    }

    /** A new user-mode key of {@code tenant}, generated, held by root who made it; its id. */
    private static String newKey(String tenant) {
        return location(root().body("""
                {"encrypt_key": {"name": "Contract %s", "tenant_id": "%s", "add_type": "generate", "key_length": 2048,
                 "is_active": false}}""".formatted(UUID.randomUUID(), tenant)).post("/api/v2/encrypt_keys.json", 201));
    }

    /** A tenant with a group, a role that may view its own calls, and a user of both who may log in. */
    private record Scene(String tenant, String group, String role, String user, String login) {

        static Scene create() {
            String tenant = location(root().body(tenantNamed("Scene " + UUID.randomUUID()))
                    .post("/api/v2/tenants.json", 201));
            String group = location(root().body("{\"group\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"Agents\"}}")
                    .post("/api/v2/groups.json", 201));
            String role = location(root().body("""
                    {"role": {"tenant_id": "%s", "name": "Agent", "access_level": "user",
                     "permissions": {"calls_own": ["view"]}}}""".formatted(tenant)).post("/api/v2/roles.json", 201));
            String login = "agent-" + UUID.randomUUID();
            String user = user(group, role, login, "\"fieldset_login\": {\"can_login\": true, \"login\": \"" + login
                    + "\", \"password\": \"" + PASSWORD + "\"}");
            return new Scene(tenant, group, role, user, login);
        }

        /** Another user of the scene's group and role, with the fieldsets given. */
        String user(String name, String fieldsets) {
            return user(group, role, name, fieldsets);
        }

        static String user(String group, String role, String name, String fieldsets) {
            return location(root().body("""
                    {"user": {"name": "%s", "group_id": "%s", "role_id": "%s", %s}}"""
                    .formatted(name, group, role, fieldsets)).post("/api/v2/users.json", 201));
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

        Api header(String name, String value) {
            return new Api(request.header(name, value));
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
