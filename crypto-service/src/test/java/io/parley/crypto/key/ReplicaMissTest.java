package io.parley.crypto.key;

import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.root;
import static io.parley.crypto.CryptoFixtures.tenant;
import static io.parley.crypto.CryptoFixtures.tenantAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parley.common.directory.KnownTenant;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A tenant or user the replica has not heard of is asked of the directory before it is refused; what the replica
 * decides by itself is answered without asking. No directory runs in these tests (its address refuses connections),
 * so an answer that needed the directory is a 503 to send again, and any other answer was given without it. That the
 * directory's answer is used is shown end to end (deploy's ReadYourWritesEndToEndTest).
 */
@QuarkusTest
class ReplicaMissTest {

    @Test
    void aTenantUnknownToTheReplicaWhileTheDirectoryCannotBeAskedIsA503ToRetry() {
        root().request().contentType(ContentType.JSON)
                .body(generate(UUID.randomUUID()))
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("error", equalTo("ServiceUnavailable"));
    }

    @Test
    void aUserUnknownToTheReplicaWhileTheDirectoryCannotBeAskedIsA503ToRetry() {
        UUID tenant = tenant();
        User admin = tenantAdmin(tenant);
        String key = generateKey(admin, tenant, "app");
        admin.request().contentType(ContentType.JSON)
                .body("{\"user\": {\"user_id\": \"" + UUID.randomUUID() + "\"}}")
                .when().post("/api/v2/encrypt_keys/" + key + "/authorized_users.json")
                .then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("error", equalTo("ServiceUnavailable"));
    }

    @Test
    void aDeletedTenantIsNoSuchTenantWithoutAskingTheDirectory() {
        UUID deleted = tenant();
        QuarkusTransaction.requiringNew().run(() -> KnownTenant.<KnownTenant> findById(deleted).deletedAt = OffsetDateTime
                .now(ZoneOffset.UTC));
        root().request().contentType(ContentType.JSON)
                .body(generate(deleted))
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields.description", contains("no such tenant"));
    }

    @Test
    void aTenantOutOfTheCallersReachIsNoSuchTenantWithoutAskingTheDirectory() {
        User admin = tenantAdmin(tenant());
        admin.request().contentType(ContentType.JSON)
                .body(generate(UUID.randomUUID()))
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(400)
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields.description", contains("no such tenant"));
    }

    private static String generate(UUID tenant) {
        return "{\"encrypt_key\": {\"name\": \"Miss\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048}}";
    }
}
