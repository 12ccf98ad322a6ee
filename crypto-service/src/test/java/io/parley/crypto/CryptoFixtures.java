package io.parley.crypto;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.directory.KnownTenant;
import io.parley.common.embedded.IdentityTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Test data for crypto-service: tenants and users in the directory replica (as the directory's events would leave
 * them), callers with their identity tokens and password-derived secrets (as the gateway sends them), and the key
 * fixtures openssl made (src/test/resources/keys/README.md).
 */
public final class CryptoFixtures {

    public static final Set<String> KEY_ADMIN = Set.of("encrypt_keys:view", "encrypt_keys:add", "encrypt_keys:edit",
            "encrypt_keys:delete", "encrypt_keys:grant", "calls:playback");

    private CryptoFixtures() {
    }

    /** A caller, and the password the gateway checked for them. */
    public record User(CallerIdentity identity, String password) {

        public UUID id() {
            return identity.userId();
        }

        public UUID tenantId() {
            return identity.tenantId();
        }

        public String secret() {
            return KeySecret.derive(identity.userId(), password);
        }

        /** The same user after their password was changed. */
        public User withPassword(String newPassword) {
            return new User(identity, newPassword);
        }

        /** A request as the gateway forwards it toward crypto-service: token and secret. */
        public RequestSpecification request() {
            return given().auth().oauth2(IdentityTokens.of(identity)).header(KeySecret.HEADER, secret());
        }

        /** A request with the token but without the secret. */
        public RequestSpecification withoutSecret() {
            return given().auth().oauth2(IdentityTokens.of(identity));
        }
    }

    /** A tenant the directory announced. */
    public static UUID tenant() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            KnownTenant tenant = new KnownTenant();
            tenant.id = id;
            tenant.name = "Tenant " + id;
            tenant.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
            tenant.receivedAt = tenant.changedAt;
            tenant.persist();
        });
        return id;
    }

    public static User root() {
        return user(tenant(), "root", KEY_ADMIN);
    }

    /** A tenant's administrator ({@code system} access level in a tenant that is not the System tenant). */
    public static User tenantAdmin(UUID tenant) {
        return user(tenant, "system", KEY_ADMIN);
    }

    /** A user of the tenant, known to the replica, with the access level and permissions given. */
    public static User user(UUID tenant, String accessLevel, Set<String> permissions) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> KnownTenant.getEntityManager().createNativeQuery(
                "INSERT INTO known_user (id, tenant_id, name, changed_at) VALUES (:id, :tenant, :name, now())")
                .setParameter("id", id).setParameter("tenant", tenant).setParameter("name", "User " + id)
                .executeUpdate());
        CallerIdentity identity = new CallerIdentity(id, tenant, null, UUID.randomUUID(), "user-" + id, accessLevel,
                List.of(), permissions, "UTC");
        return new User(identity, "password-of-" + id);
    }

    /** Creates a key as the user, with the fields given as JSON members; returns its id. */
    public static String createKey(User user, String fields) {
        String location = user.request().contentType(ContentType.JSON)
                .body("{\"encrypt_key\": {" + fields + "}}")
                .when().post("/api/v2/encrypt_keys.json")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }

    /** A generated 2048-bit key (the smallest allowed by default) of the tenant, in the protection mode given. */
    public static String generateKey(User user, UUID tenant, String mode) {
        return createKey(user, "\"name\": \"" + unique("Key") + "\", \"tenant_id\": \"" + tenant
                + "\", \"add_type\": \"generate\", \"key_length\": 2048, \"protection_mode\": \"" + mode + "\"");
    }

    /** A fixture made by openssl, as text. */
    public static String pem(String name) {
        try (InputStream in = CryptoFixtures.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("No fixture " + name, e);
        }
    }

    /** A JSON string literal of the text. */
    public static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
