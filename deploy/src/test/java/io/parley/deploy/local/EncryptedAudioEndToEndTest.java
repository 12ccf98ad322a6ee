package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Encrypted recordings through the real gateway, call- and crypto-service: a tenant with {@code encrypt_data} and a
 * user-mode key; its recording is stored encrypted, played back (whole, by range, by signed URL) to the key's holder,
 * refused to a user of the same role without a grant, and a changed byte of the stored file stops the playback. A
 * revoked grant or a deleted key stops playback as soon as call-service has the event, whatever it had cached.
 */
@ExtendWith(SharedPlatform.class)
class EncryptedAudioEndToEndTest {

    private static LocalPlatform platform;

    private static PlatformDatabase database;

    /**
     * A tenant that encrypts its data, with a key keeper, an agent (whose extension finds the tenant's calls), the
     * agent's user id and the key's id.
     */
    private record EncryptingTenant(String keeper, String agent, String extension, String agentId, String keyId) {
    }

    @BeforeAll
    static void start() {
        platform = SharedPlatform.platform();
        database = new PlatformDatabase(platform);
    }

    @Test
    void encryptedRecordingPlaysBackToTheKeysHolderOnlyAndStopsWhenItsStoredBytesChange() throws Exception {
        EncryptingTenant tenant = encryptingTenant(
                "{\"name\": \"Recordings\", \"add_type\": \"generate\", \"is_active\": true}");
        String keeper = tenant.keeper();
        String agent = tenant.agent();
        byte[] audio = new byte[1_000_000];
        new Random(3).nextBytes(audio);
        String view = uploadedCall(tenant, audio);

        Path stored = Path.of(given().auth().preemptive().basic(keeper, password(keeper)).when().get(view)
                .then().statusCode(200).extract().<String> path("call.files[0].file_path"));
        assertFalse(contains(Files.readAllBytes(stored), Arrays.copyOfRange(audio, 5000, 5032)),
                "stored encrypted");

        String file = view + "/file";
        assertArrayEquals(audio, given().auth().preemptive().basic(keeper, password(keeper)).when().get(file)
                .then().statusCode(200).extract().asByteArray());
        assertArrayEquals(Arrays.copyOfRange(audio, 300_000, 400_000), given().auth().preemptive()
                .basic(keeper, password(keeper)).header("Range", "bytes=300000-399999").when().get(file)
                .then().statusCode(206).extract().asByteArray());
        // refused as every other refusal is (reference: text/plain)
        given().auth().preemptive().basic(agent, password(agent)).when().get(file).then().statusCode(403)
                .contentType(startsWith("text/plain")).body(equalTo("Access is denied"));
        given().auth().preemptive().basic(agent, password(agent)).queryParam("expires", 60)
                .when().get(view + "/file_url.json").then().statusCode(403)
                .contentType(startsWith("text/plain")).body(equalTo("Access is denied"));

        String signed = given().auth().preemptive().basic(keeper, password(keeper)).queryParam("expires", 600)
                .when().get(view + "/file_url.json").then().statusCode(200).extract().path("signed_url");
        assertArrayEquals(audio, given().when().get(signed).then().statusCode(200).extract().asByteArray());
        given().when().get(signed.replaceFirst("keys=[A-Za-z0-9_-]{4}", "keys=AAAA")).then().statusCode(403);

        try (RandomAccessFile tampered = new RandomAccessFile(stored.toFile(), "rw")) {
            tampered.seek(600_000);
            int b = tampered.read();
            tampered.seek(600_000);
            tampered.write(b ^ 1);
        }
        assertTrue(playbackFails(file, keeper), "a changed segment is never served as audio");
    }

    @Test
    void recordingEncryptedToAKeyImportedWithoutItsPrivateHalfIsStoredAndItsPlaybackRefusedClearly()
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String publicPem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\\n-----END PUBLIC KEY-----";
        EncryptingTenant tenant = encryptingTenant("{\"name\": \"Escrow\", \"add_type\": \"import\", \"is_active\": true,"
                + " \"protection_mode\": \"app\", \"public_key\": \"" + publicPem + "\"}");
        byte[] audio = new byte[100_000];
        new Random(4).nextBytes(audio);

        String view = uploadedCall(tenant, audio);

        given().auth().preemptive().basic(tenant.keeper(), password(tenant.keeper())).when().get(view + "/file")
                .then().statusCode(409).body("error", equalTo("NoPrivateKey"));
    }

    @Test
    void revokedGrantStopsPlaybackAsSoonAsCallServiceHasTheRevocation() {
        EncryptingTenant tenant = encryptingTenant(
                "{\"name\": \"Recordings\", \"add_type\": \"generate\", \"is_active\": true}");
        String agent = tenant.agent();
        byte[] audio = new byte[100_000];
        new Random(5).nextBytes(audio);
        String file = uploadedCall(tenant, audio) + "/file";
        // the agent's first visit to crypto-service makes their personal key, which a grant is wrapped to
        given().auth().preemptive().basic(agent, password(agent)).when().get(platform.apiUrl() + "/encrypt_keys.json")
                .then().statusCode(200);
        String grants = platform.apiUrl() + "/encrypt_keys/" + tenant.keyId() + "/authorized_users";
        given().auth().preemptive().basic(tenant.keeper(), password(tenant.keeper())).contentType(ContentType.JSON)
                .body("{\"user\": {\"user_id\": \"" + tenant.agentId() + "\"}}")
                .when().post(grants + ".json").then().statusCode(201);
        assertArrayEquals(audio, given().auth().preemptive().basic(agent, password(agent)).when().get(file)
                .then().statusCode(200).extract().asByteArray());

        given().auth().preemptive().basic(tenant.keeper(), password(tenant.keeper()))
                .when().delete(grants + "/" + tenant.agentId() + ".json").then().statusCode(200);
        // a key created after the revocation is announced after it, on the tenant's partition of crypto.keys: once
        // call-service knows that key, it has applied the revocation
        String later = createKey(tenant.keeper(), "{\"name\": \"Later\", \"add_type\": \"generate\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> database.knowsKey(UUID.fromString(later), false));

        given().auth().preemptive().basic(agent, password(agent)).when().get(file).then().statusCode(403)
                .body(equalTo("Access is denied"));
    }

    @Test
    void deletedKeyStopsPlaybackAndSignedUrlsAsSoonAsCallServiceHasTheDeletion() {
        EncryptingTenant tenant = encryptingTenant(
                "{\"name\": \"Recordings\", \"add_type\": \"generate\", \"is_active\": true}");
        String keeper = tenant.keeper();
        byte[] audio = new byte[100_000];
        new Random(6).nextBytes(audio);
        String view = uploadedCall(tenant, audio);
        String file = view + "/file";
        assertArrayEquals(audio, given().auth().preemptive().basic(keeper, password(keeper)).when().get(file)
                .then().statusCode(200).extract().asByteArray());
        String signed = given().auth().preemptive().basic(keeper, password(keeper)).queryParam("expires", 600)
                .when().get(view + "/file_url.json").then().statusCode(200).extract().path("signed_url");

        given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .when().delete(platform.apiUrl() + "/encrypt_keys/" + tenant.keyId() + ".json").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.knowsKey(UUID.fromString(tenant.keyId()), true));

        given().auth().preemptive().basic(keeper, password(keeper)).when().get(file).then().statusCode(409)
                .body("error", equalTo("EncryptionKeyDeleted"));
        given().when().get(signed).then().statusCode(409).body("error", equalTo("EncryptionKeyDeleted"));
    }

    @Test
    void encryptedPlaybackWithoutAGrantIsRefusedAsEveryOtherRefusalIs() {
        String key = """
                {"name": "Held", "add_type": "generate", "is_active": true}""";
        EncryptingTenant tenant = encryptingTenant(key);
        EncryptingTenant otherTenant = encryptingTenant(key);
        byte[] audio = new byte[10_000];
        new Random(5).nextBytes(audio);
        String view = uploadedCall(tenant, audio);

        List<Executable> cells = new ArrayList<>();
        for (String path : List.of(view + "/file", view + "/file_url.json?expires=60")) {
            // the key's holder; the same role without a grant; root, who holds no grant either; another tenant's
            cells.add(() -> playback(tenant.keeper(), password(tenant.keeper()), path).statusCode(200));
            cells.add(() -> playback(tenant.agent(), password(tenant.agent()), path).statusCode(403)
                    .contentType(startsWith("text/plain")).body(equalTo("Access is denied")));
            cells.add(() -> playback(SharedPlatform.ROOT, SharedPlatform.PASSWORD, path).statusCode(403)
                    .contentType(startsWith("text/plain")).body(equalTo("Access is denied")));
            cells.add(() -> playback(otherTenant.keeper(), password(otherTenant.keeper()), path).statusCode(404)
                    .body("error", equalTo("NotFound")));
        }
        assertAll(cells);
    }

    private static ValidatableResponse playback(String login, String password, String path) {
        return given().auth().preemptive().basic(login, password).urlEncodingEnabled(false).when().get(path).then();
    }

    /** A new tenant with {@code encrypt_data}, and a key made by its keeper ({@code encrypt_key} fields given). */
    private static EncryptingTenant encryptingTenant(String keyFields) {
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform,
                "\"name\": \"Encrypting " + UUID.randomUUID() + "\", \"encrypt_data\": true", "Agents");
        String tenant = scene.tenant();
        String group = scene.group();
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Supervisor", "access_level": "system",
                 "permissions": {"encrypt_keys": ["view", "add", "grant"], "calls": ["view", "playback"],
                                 "recorder": ["publish"]}}}""".formatted(tenant));
        String keeper = "keeper-" + UUID.randomUUID();
        String agent = "agent-" + UUID.randomUUID();
        String extension = String.valueOf(7_000_000 + new Random().nextInt(2_000_000));
        PlatformApi.create(platform, "users", user(keeper, group, role, "[]"));
        String agentId = PlatformApi.create(platform, "users", user(agent, group, role, "[\"" + extension + "\"]"));
        return new EncryptingTenant(keeper, agent, extension, agentId, createKey(keeper, keyFields));
    }

    /** A key of the keeper's tenant ({@code encrypt_key} fields given); its id. */
    private static String createKey(String keeper, String keyFields) {
        String location = given().auth().preemptive().basic(keeper, password(keeper))
                .contentType(ContentType.JSON).body("{\"encrypt_key\": " + keyFields + "}")
                .when().post(platform.apiUrl() + "/encrypt_keys.json").then().statusCode(201)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }

    /** A call of the tenant (found by its agent's extension) with the audio uploaded; the call's view URL. */
    private static String uploadedCall(EncryptingTenant tenant, byte[] audio) {
        String keeper = tenant.keeper();
        UUID call = UUID.randomUUID();
        given().auth().preemptive().basic(keeper, password(keeper)).contentType(ContentType.JSON).body("""
                {"event_id": "%s", "type": "call.started", "occurred_at": "2026-03-01T10:00:00Z",
                 "recorder_id": "%s", "call": {"call_id": "%s", "from_number": "%s", "to_number": "+15550100"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), call, tenant.extension()))
                .when().post(platform.serviceUrl("gateway") + "/recorder/v1/events").then().statusCode(202);
        String view = platform.apiUrl() + "/calls/" + call + ".json";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive()
                .basic(keeper, password(keeper)).when().get(view).then().extract().statusCode() == 200);
        // 409 until call-service has learned of the tenant's new key from crypto.keys
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive()
                .basic(keeper, password(keeper)).contentType("audio/mpeg").body(audio)
                .when().put(platform.serviceUrl("gateway") + "/recorder/v1/calls/" + call + "/files/1")
                .then().extract().statusCode() == 201);
        return view;
    }

    /** Whether the whole download fails to arrive: the response is cut off where the changed segment is. */
    private static boolean playbackFails(String url, String keeper) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((keeper + ":" + password(keeper)).getBytes())).build();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return body.readAllBytes().length < 1_000_000;
            }
        } catch (IOException e) {
            return true;
        }
    }

    private static String user(String login, String group, String role, String extensions) {
        return """
                {"user": {"name": "%s", "group_id": "%s", "role_id": "%s",
                 "fieldset_login": {"can_login": true, "login": "%s", "password": "%s"},
                 "fieldset_recording": {"extensions": %s}}}"""
                .formatted(login, group, role, login, password(login), extensions);
    }

    private static String password(String login) {
        return "password-of-" + login;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
