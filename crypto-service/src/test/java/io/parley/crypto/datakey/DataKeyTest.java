package io.parley.crypto.datakey;

import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static io.parley.crypto.CryptoFixtures.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.api.crypto.DataKeys;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The internal data-key endpoint call-service uses, and what the key protection promises: a user-mode key opens only
 * for a granted user with their password-derived secret; an administrator without a grant gets nothing.
 */
@QuarkusTest
class DataKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aUserModeKeyOpensWithTheGrantedUsersSecretAndNotWithoutIt() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        String key = generateKey(creator, tenant, "user");
        Wrapped wrapped = wrapped(creator, key);

        opens(creator.request(), key, wrapped);
        creator.withoutSecret().contentType(ContentType.JSON).body(wrapped.body())
                .when().post(path(key)).then().statusCode(403);
    }

    @Test
    void anAdministratorWithoutAGrantCannotOpenAUserModeKey() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        String key = generateKey(creator, tenant, "user");
        Wrapped wrapped = wrapped(creator, key);
        for (User other : new User[] { root(), tenantAdmin(tenant) }) {
            other.request().contentType(ContentType.JSON).body(wrapped.body())
                    .when().post(path(key)).then().statusCode(403);
        }
    }

    @Test
    void aGrantedUserOpensTheKeyWithTheirOwnSecret() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls_own:playback"));
        String key = generateKey(creator, tenant, "user");
        Wrapped wrapped = wrapped(creator, key);
        // the agent's first playback gives them a personal key (and is refused: no grant yet)
        agent.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key))
                .then().statusCode(403);

        grant(creator, key, agent).then().statusCode(201);
        opens(agent.request(), key, wrapped);
        agent.withoutSecret().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key))
                .then().statusCode(403);
    }

    @Test
    void aGrantToAUserWithoutAPersonalKeyIsPendingUntilGivenAgain() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls:playback"));
        String key = generateKey(creator, tenant, "user");
        Wrapped wrapped = wrapped(creator, key);

        grant(creator, key, agent).then().statusCode(201);
        creator.request().when().get(users(key))
                .then().body("users.find { it.user_id == '" + agent.id() + "' }.status", equalTo("pending"));
        agent.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key))
                .then().statusCode(403);

        grant(creator, key, agent).then().statusCode(201); // the agent has a personal key by now
        opens(agent.request(), key, wrapped);
        grant(creator, key, agent).then().statusCode(409);
    }

    @Test
    void aPasswordChangeLeavesTheUsersGrantsUnusableUntilGrantedAgain() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        User agent = user(tenant, "user", Set.of("calls:playback"));
        String key = generateKey(creator, tenant, "user");
        Wrapped wrapped = wrapped(creator, key);
        agent.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key));
        grant(creator, key, agent).then().statusCode(201);
        opens(agent.request(), key, wrapped);

        User reset = agent.withPassword("chosen-by-an-administrator");
        reset.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key))
                .then().statusCode(403);
        creator.request().when().get(users(key))
                .then().body("users.find { it.user_id == '" + agent.id() + "' }.status", equalTo("pending"));
        // the old password does not bring the old grant back either: the personal key it opened is gone
        agent.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key))
                .then().statusCode(403);

        reset.request().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key));
        grant(creator, key, agent).then().statusCode(201);
        opens(reset.request(), key, wrapped);
    }

    @Test
    void anAppModeKeyOpensForCallersWhoMayPlayBackInItsTenant() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        String key = generateKey(creator, tenant, "app");
        Wrapped wrapped = wrapped(creator, key);

        opens(user(tenant, "user", Set.of("calls_own:playback")).withoutSecret(), key, wrapped);
        user(tenant, "user", Set.of("calls:view")).request().contentType(ContentType.JSON).body(wrapped.body())
                .when().post(path(key)).then().statusCode(403);
        user(tenant(), "system", Set.of("calls:playback")).request().contentType(ContentType.JSON)
                .body(wrapped.body()).when().post(path(key)).then().statusCode(403);
        given().contentType(ContentType.JSON).body(wrapped.body()).when().post(path(key)).then().statusCode(401);
    }

    @Test
    void badRequestsAreNamedAndUnknownKeysAreNotFound() {
        UUID tenant = tenant();
        User creator = tenantAdmin(tenant);
        String key = generateKey(creator, tenant, "app");
        creator.request().contentType(ContentType.JSON).body("{\"wrapped_key\": \"%%%\"}")
                .when().post(path(key)).then().statusCode(400)
                .body("details.fields.field_name", contains("wrapped_key"));
        creator.request().contentType(ContentType.JSON).body("{}")
                .when().post(path(key)).then().statusCode(400)
                .body("details.fields.field_name", contains("wrapped_key"));
        creator.request().contentType(ContentType.JSON).body("{\"wrapped_key\": \"AAAA\"}")
                .when().post(path(key)).then().statusCode(400)
                .body("details.fields.field_name", contains("wrapped_key"));
        creator.request().contentType(ContentType.JSON).body("{\"wrapped_key\": \"AAAA\"}")
                .when().post(path(UUID.randomUUID().toString())).then().statusCode(404);
    }

    /** A data key, and the same wrapped to the key's public half as call-service would wrap it. */
    record Wrapped(byte[] dataKey, String base64) {

        String body() {
            return "{\"wrapped_key\": \"" + base64 + "\"}";
        }
    }

    static Wrapped wrapped(User viewer, String key) {
        String publicKey = viewer.request().when().get("/api/v2/encrypt_keys/" + key + ".json")
                .then().statusCode(200).extract().path("encrypt_key.public_key");
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        try {
            return new Wrapped(dataKey, Base64.getEncoder().encodeToString(
                    DataKeys.wrap(DataKeys.publicKey(publicKey), dataKey)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static void opens(RequestSpecification request, String key, Wrapped wrapped) {
        String opened = request.contentType(ContentType.JSON).body(wrapped.body())
                .when().post(path(key)).then().statusCode(200).extract().path("data_key");
        assertArrayEquals(wrapped.dataKey(), Base64.getDecoder().decode(opened));
    }

    static io.restassured.response.Response grant(User granter, String key, User grantee) {
        return granter.request().contentType(ContentType.JSON)
                .body("{\"user\": {\"user_id\": \"" + grantee.id() + "\"}}").when().post(users(key));
    }

    static String users(String key) {
        return "/api/v2/encrypt_keys/" + key + "/authorized_users.json";
    }

    static String path(String key) {
        return "/internal/v1/encrypt_keys/" + key + "/data_key";
    }
}
