package io.parley.crypto.grant;

import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static io.parley.crypto.CryptoFixtures.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class GrantResourceTest {

    @Test
    void theCreatorIsAuthorizedFromTheStart() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        String key = generateKey(admin, tenant, "user");
        admin.request().when().get(users(key))
                .then().statusCode(200)
                .body("users.user_id", contains(admin.id().toString()))
                .body("users.status", contains("active"))
                .body("next_url", equalTo(null))
                .body("total", equalTo(1));
    }

    @Test
    void grantingAnswersCreatedThenConflictThenRevokes() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls:playback"));
        String key = generateKey(admin, tenant, "app");

        admin.request().contentType(ContentType.JSON).body(grantBody(agent.id()))
                .when().post(users(key))
                .then().statusCode(201)
                .header("Location", equalTo("/api/v2/encrypt_keys/" + key + "/authorized_users/" + agent.id()
                        + ".json"));
        admin.request().contentType(ContentType.JSON).body(grantBody(agent.id()))
                .when().post(users(key))
                .then().statusCode(409)
                .body("error", equalTo("InvalidState"))
                .body("description", equalTo("Such user is authorized already"));
        admin.request().when().get(users(key))
                .then().body("users.user_id", containsInAnyOrder(admin.id().toString(), agent.id().toString()));

        admin.request().when().delete(users(key).replace(".json", "/" + agent.id() + ".json"))
                .then().statusCode(200);
        admin.request().when().get(users(key)).then().body("users.user_id", contains(admin.id().toString()));
        admin.request().when().delete(users(key).replace(".json", "/" + agent.id() + ".json"))
                .then().statusCode(404);
    }

    @Test
    void grantNamesAMissingOrMalformedOrForeignUser() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        String key = generateKey(admin, tenant, "app");
        User foreigner = user(tenant(), "user", Set.of());
        // a user the replica has not heard of is asked of the directory: deploy's ReadYourWritesEndToEndTest
        for (String body : new String[] { "{\"user\": {}}", "{\"user\": {\"user_id\": \"nope\"}}",
                grantBody(foreigner.id()) }) {
            admin.request().contentType(ContentType.JSON).body(body).when().post(users(key))
                    .then().statusCode(400).body("details.fields.field_name", contains("user_id"));
        }
        admin.request().contentType(ContentType.JSON).body("{\"user\": {\"user_id\": \"x\", \"role\": 1}}")
                .when().post(users(key)).then().statusCode(400).body("details.fields.field_name", contains("role"));
    }

    @Test
    void grantsNeedTheirPermissionsAndATokenAndStayInScope() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        String key = generateKey(admin, tenant, "app");
        User viewer = user(tenant, "system", Set.of("encrypt_keys:view"));
        viewer.request().when().get(users(key)).then().statusCode(200);
        viewer.request().contentType(ContentType.JSON).body(grantBody(viewer.id())).when().post(users(key))
                .then().statusCode(403);
        viewer.request().when().delete(users(key).replace(".json", "/" + admin.id() + ".json"))
                .then().statusCode(403);
        user(tenant, "system", Set.of()).request().when().get(users(key)).then().statusCode(403);
        given().when().get(users(key)).then().statusCode(401);
        given().when().delete(users(key).replace(".json", "/" + admin.id() + ".json")).then().statusCode(401);
        given().contentType(ContentType.JSON).body(grantBody(viewer.id())).when().post(users(key))
                .then().statusCode(401);

        User outsider = tenantAdmin(tenant());
        outsider.request().when().get(users(key)).then().statusCode(404);
        outsider.request().contentType(ContentType.JSON).body(grantBody(outsider.id())).when().post(users(key))
                .then().statusCode(404);
        outsider.request().when().delete(users(key).replace(".json", "/" + admin.id() + ".json"))
                .then().statusCode(404);
    }

    @Test
    void aUserModeKeyIsGrantedOnlyBySomeoneWhoHoldsIt() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        User otherAdmin = tenantAdmin(tenant);
        String key = generateKey(creator, tenant, "user");
        otherAdmin.request().contentType(ContentType.JSON).body(grantBody(otherAdmin.id())).when().post(users(key))
                .then().statusCode(403);
        creator.withoutSecret().contentType(ContentType.JSON).body(grantBody(otherAdmin.id()))
                .when().post(users(key)).then().statusCode(403);
    }

    static String users(String key) {
        return "/api/v2/encrypt_keys/" + key + "/authorized_users.json";
    }

    static String grantBody(UUID user) {
        return "{\"user\": {\"user_id\": \"" + user + "\"}}";
    }
}
