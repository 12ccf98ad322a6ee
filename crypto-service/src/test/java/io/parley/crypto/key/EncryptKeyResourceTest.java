package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.createKey;
import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static io.parley.crypto.CryptoFixtures.unique;
import static io.parley.crypto.CryptoFixtures.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.parley.common.api.crypto.DataKeys;
import io.parley.common.embedded.RandomText;
import io.parley.crypto.CryptoFixtures;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EncryptKeyResourceTest {

    @Test
    void generatedKeyIsServedByIdWithItsPublicHalfOnly() throws Exception {
        User root = root();
        UUID tenant = tenant();
        String name = unique("Generated");
        String location = root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"" + name + "\", \"tenant_id\": \"" + tenant
                        + "\", \"add_type\": \"generate\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v2/encrypt_keys/[0-9a-f-]{36}\\.json"))
                .body("url", matchesPattern("/api/v2/encrypt_keys/[0-9a-f-]{36}\\.json"))
                .extract().header("Location");

        String publicKey = root.request().when().get(location)
                .then().statusCode(200)
                .body("encrypt_key.name", equalTo(name))
                .body("encrypt_key.tenant_id", equalTo(tenant.toString()))
                .body("encrypt_key.is_active", equalTo(false))
                .body("encrypt_key.protection_mode", equalTo("user"))
                .body("encrypt_key.key_length", equalTo(2048))
                .body("encrypt_key.fingerprint", matchesPattern("[0-9a-f]{32}"))
                .body("encrypt_key", not(hasKey("private_key")))
                .extract().path("encrypt_key.public_key");
        assertEquals(2048, ((RSAPublicKey) DataKeys.publicKey(publicKey)).getModulus().bitLength());
    }

    @Test
    void keyLengthIsAcceptedUnderTheReferencesSpellingToo() {
        User root = root();
        String id = createKey(root, "\"name\": \"Typo\", \"tenant_id\": \"" + tenant()
                + "\", \"add_type\": \"generate\", \"key_lenght\": 2048, \"protection_mode\": \"app\"");
        root.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200)
                .body("encrypt_key.key_length", equalTo(2048))
                .body("encrypt_key.protection_mode", equalTo("app"));
    }

    @Test
    void unsupportedKeyLengthIsRefusedNamingTheField() {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Odd\", \"add_type\": \"generate\", \"key_length\": 3000}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.field_name", contains("key_length"));
    }

    @Test
    void nameLongerThanItsIndexHoldsIsRefusedOnCreateAndRename() {
        User root = root();
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"" + RandomText.cjk(1_000) + "\", \"add_type\": \"generate\","
                        + " \"key_length\": 2048}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name"))
                .body("details.fields[0].description",
                        equalTo("must be at most 255 bytes of UTF-8 text, without control characters"));
        String id = generateKey(root, tenant(), "app");
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"" + RandomText.cjk(1_000) + "\"}}")
                .when().put("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name"));
    }

    @Test
    void missingNameAndUnknownAddTypeAndProtectionModeAreNamed() {
        root().request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"add_type\": \"borrow\", \"protection_mode\": \"nobody\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", hasItem("name"))
                .body("details.fields.field_name", hasItem("add_type"))
                .body("details.fields.field_name", hasItem("protection_mode"));
    }

    @Test
    void wrongTypesAndUnknownPropertiesAreRefusedNamingThem() {
        User root = root();
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"X\", \"add_type\": \"generate\", \"tenant_id\": \"nope\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("tenant_id"));
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"X\", \"add_type\": \"generate\", \"colour\": \"red\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("colour"));
        root.request().contentType(ContentType.JSON).body("{\"encrypt_key\": ")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("error", equalTo("InvalidJson"));
    }

    @Test
    void listSearchesByNameUnderEitherParameterAndByTenant() {
        User root = root();
        UUID tenant = tenant();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        createKey(root, "\"name\": \"Alpha " + marker + "\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048");
        createKey(root, "\"name\": \"Beta " + marker + "\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048");

        root.request().when().get("/api/v2/encrypt_keys.json?search_text=ALPHA " + marker)
                .then().statusCode(200)
                .body("encrypt_keys.name", contains("Alpha " + marker))
                .body("total", equalTo(1));
        root.request().when().get("/api/v2/encrypt_keys.json?search_term=beta " + marker)
                .then().statusCode(200).body("encrypt_keys.name", contains("Beta " + marker));
        root.request().when().get("/api/v2/encrypt_keys.json?tenant_id=" + tenant + "&limit=1")
                .then().statusCode(200)
                .body("encrypt_keys.name", contains("Alpha " + marker))
                .body("next_url", equalTo("/api/v2/encrypt_keys.json?tenant_id=" + tenant + "&limit=1&start=1"))
                .body("$", not(hasKey("total")));
        root.request().when().get("/api/v2/encrypt_keys.json?tenant_id=" + tenant + "&limit=1&start=1")
                .then().statusCode(200)
                .body("encrypt_keys.name", contains("Beta " + marker))
                .body("next_url", nullValue())
                .body("total", equalTo(2));
        root.request().when().get("/api/v2/encrypt_keys.json?tenant_id=not-a-uuid")
                .then().statusCode(400).body("details.fields.field_name", contains("tenant_id"));
    }

    @Test
    void updateChangesNameAndActivityOnly() {
        User root = root();
        String id = generateKey(root, tenant(), "app");
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"Renamed\", \"is_active\": true, \"key_id\": \"ignored\"}}")
                .when().put("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200)
                .body("encrypt_key.name", equalTo("Renamed"))
                .body("encrypt_key.is_active", equalTo(true));
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"add_type\": \"import\"}}")
                .when().put("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(400).body("details.fields.field_name", contains("add_type"));
        root.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \" \"}}")
                .when().put("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(400).body("details.fields.field_name", contains("name"));
    }

    @Test
    void activatingAKeyDeactivatesTheTenantsPreviousActiveKey() {
        User root = root();
        UUID tenant = tenant();
        String first = createKey(root, "\"name\": \"First\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048, \"is_active\": true");
        String second = createKey(root, "\"name\": \"Second\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048, \"is_active\": true");
        root.request().when().get("/api/v2/encrypt_keys.json?tenant_id=" + tenant + "&search_text=")
                .then().statusCode(200)
                .body("encrypt_keys.find { it.key_id == '" + first + "' }.is_active", equalTo(false))
                .body("encrypt_keys.find { it.key_id == '" + second + "' }.is_active", equalTo(true));

        root.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"is_active\": true}}")
                .when().put("/api/v2/encrypt_keys/" + first + ".json").then().statusCode(200);
        root.request().when().get("/api/v2/encrypt_keys/" + second + ".json")
                .then().body("encrypt_key.is_active", equalTo(false));
        root.request().when().get("/api/v2/encrypt_keys/" + first + ".json")
                .then().body("encrypt_key.is_active", equalTo(true));
    }

    @Test
    void concurrentActivationsLeaveExactlyOneActiveKey() throws Exception {
        User root = root();
        UUID tenant = tenant();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(generateKey(root, tenant, "app"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String key : keys) {
                answers.add(pool.submit(() -> root.request().contentType(ContentType.JSON)
                        .body("{\"encrypt_key\": {\"is_active\": true}}")
                        .when().put("/api/v2/encrypt_keys/" + key + ".json").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Boolean> active = root.request().when().get("/api/v2/encrypt_keys.json?tenant_id=" + tenant)
                .then().statusCode(200).extract().path("encrypt_keys.is_active");
        assertEquals(1, active.stream().filter(Boolean::booleanValue).count(), active.toString());
    }

    @Test
    void deletedKeyIsGone() {
        User root = root();
        String id = generateKey(root, tenant(), "user");
        root.request().when().delete("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(200);
        root.request().when().get("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(404)
                .body("error", equalTo("NotFound"));
        root.request().when().delete("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(404);
        root.request().when().get("/api/v2/encrypt_keys/not-a-uuid.json").then().statusCode(404);
    }

    @Test
    void withoutATokenEveryEndpointIsUnauthorized() {
        String path = "/api/v2/encrypt_keys/" + UUID.randomUUID() + ".json";
        given().when().get("/api/v2/encrypt_keys.json").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v2/encrypt_keys.json").then()
                .statusCode(401);
        given().when().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().put(path).then().statusCode(401);
        given().when().delete(path).then().statusCode(401);
    }

    @Test
    void eachEndpointNeedsItsPermission() {
        UUID tenant = tenant();
        User viewer = user(tenant, "system", Set.of("encrypt_keys:view"));
        User admin = tenantAdmin(tenant);
        String id = generateKey(admin, tenant, "app");
        viewer.request().when().get("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(200);
        viewer.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"X\", \"add_type\":"
                + " \"generate\"}}").when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(403).body(containsString("Access is denied"));
        viewer.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"X\"}}")
                .when().put("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(403);
        viewer.request().when().delete("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(403);
        User nobody = user(tenant, "system", Set.of());
        nobody.request().when().get("/api/v2/encrypt_keys.json").then().statusCode(403);
        nobody.request().when().get("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(403);
    }

    @Test
    void managersAndUsersReadTheirTenantsKeysButChangeNone() {
        UUID tenant = tenant();
        String id = generateKey(tenantAdmin(tenant), tenant, "app");
        User manager = user(tenant, "managed_groups", CryptoFixtures.KEY_ADMIN);
        manager.request().when().get("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(200);
        manager.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"X\", \"add_type\":"
                + " \"generate\", \"key_length\": 2048}}").when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(403);
        manager.request().when().delete("/api/v2/encrypt_keys/" + id + ".json").then().statusCode(403);
    }

    @Test
    void anotherTenantsKeysAreOutOfATenantAdministratorsScope() {
        UUID mine = tenant();
        UUID theirs = tenant();
        User admin = tenantAdmin(mine);
        String their = generateKey(tenantAdmin(theirs), theirs, "app");

        admin.request().when().get("/api/v2/encrypt_keys/" + their + ".json").then().statusCode(404);
        admin.request().contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"X\"}}")
                .when().put("/api/v2/encrypt_keys/" + their + ".json").then().statusCode(404);
        admin.request().when().delete("/api/v2/encrypt_keys/" + their + ".json").then().statusCode(404);
        admin.request().when().get("/api/v2/encrypt_keys.json?tenant_id=" + theirs)
                .then().statusCode(200).body("encrypt_keys", empty());
        admin.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {\"name\": \"X\", \"add_type\": \"generate\", \"tenant_id\": \"" + theirs
                        + "\"}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400).body("details.fields.field_name", contains("tenant_id"));
    }

    @Test
    void keyCreatedWithoutATenantBelongsToTheCallersTenant() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        String id = createKey(admin, "\"name\": \"Mine\", \"add_type\": \"generate\", \"key_length\": 2048");
        admin.request().when().get("/api/v2/encrypt_keys/" + id + ".json")
                .then().statusCode(200).body("encrypt_key.tenant_id", equalTo(tenant.toString()));
    }
}
