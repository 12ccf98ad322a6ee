package io.parley.crypto.access;

import static io.parley.crypto.CryptoFixtures.KEY_ADMIN;
import static io.parley.crypto.CryptoFixtures.generateKey;
import static io.parley.crypto.CryptoFixtures.unique;
import static io.parley.crypto.CryptoFixtures.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.parley.common.api.crypto.DataKeys;
import io.parley.common.directory.KnownTenant;
import io.parley.crypto.CryptoFixtures;
import io.parley.crypto.CryptoFixtures.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every crypto-service endpoint against a matrix of callers (docs/permissions.md, encryption.md): root; a
 * {@code system} user of the System tenant; a {@code system} administrator of tenant A; a manager in A; an agent
 * ({@code user} level) in A; an administrator of A who may only view keys; a caller whose role has no key or playback
 * permission. All but the last two hold every key permission, so that their access level decides. Each is asked about
 * a key of tenant A and a key of tenant B (one of its own for each cell that may change it), made by an administrator
 * of that tenant (its holder): nobody in the matrix holds a user-mode key, so none of them grants it or opens it, while those
 * who change
 * keys may still revoke its grants (docs/encryption.md, threat model).
 */
@QuarkusTest
class KeyAccessMatrixTest {

    private static final String RENAMED = "Renamed";
    /** The data key each playback asks to open: any 32 bytes. */
    private static final byte[] RECORDING_KEY = dataKey();

    /** The tenants, their keys' holders and the callers every cell uses; made once. */
    private static World world;
    /** The keys, by tenant and protection mode, of the cells whose request changes no key. */
    private static final Map<String, String> UNCHANGED_KEYS = new HashMap<>();

    enum Endpoint {
        LIST,
        CREATE,
        VIEW,
        EDIT,
        DELETE,
        GRANTS,
        GRANT,
        REVOKE,
        DATA_KEY,
        GRANT_USER_MODE,
        REVOKE_USER_MODE,
        DATA_KEY_USER_MODE;

        String mode() {
            return name().endsWith("_USER_MODE") ? "user" : "app";
        }

        /** Whether the request may change the key it names (or its grants): then the cell needs a key of its own. */
        boolean changesTheKey() {
            return Set.of(EDIT, DELETE, GRANT, REVOKE, GRANT_USER_MODE, REVOKE_USER_MODE).contains(this);
        }
    }

    enum Who {
        ROOT,
        SYSTEM_WIDE,
        TENANT_ADMIN,
        MANAGER,
        AGENT,
        VIEWER,
        WITHOUT_PERMISSION
    }

    enum Place {
        TENANT_A,
        TENANT_B
    }

    /**
     * {@code OK}: served (and listed); {@code NOT_FOUND}: as if the key did not exist; {@code DENIED}: 403;
     * {@code INVALID_TENANT}: 400 naming {@code tenant_id}.
     */
    enum Answer {
        OK,
        NOT_FOUND,
        DENIED,
        INVALID_TENANT
    }

    record World(UUID tenantA, UUID tenantB, User holderA, User holderB, Map<Who, User> callers) {

        UUID tenant(Place place) {
            return place == Place.TENANT_A ? tenantA : tenantB;
        }

        User holder(Place place) {
            return place == Place.TENANT_A ? holderA : holderB;
        }
    }

    /** A key made for one cell, and a user of its tenant to grant it to. */
    private record Cell(Place place, String key, User grantee) {
    }

    @BeforeEach
    void makeTheWorldOnce() {
        if (world == null) {
            world = build();
        }
    }

    @ParameterizedTest(name = "{0} by {1}: A''s key {2}, B''s key {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # endpoint         | caller             | A's key   | B's key
            LIST               | ROOT               | OK        | OK
            LIST               | SYSTEM_WIDE        | OK        | OK
            LIST               | TENANT_ADMIN       | OK        | NOT_FOUND
            LIST               | MANAGER            | OK        | NOT_FOUND
            LIST               | AGENT              | OK        | NOT_FOUND
            LIST               | VIEWER             | OK        | NOT_FOUND
            LIST               | WITHOUT_PERMISSION | DENIED    | DENIED
            CREATE             | ROOT               | OK        | OK
            CREATE             | SYSTEM_WIDE        | OK        | OK
            CREATE             | TENANT_ADMIN       | OK        | INVALID_TENANT
            CREATE             | MANAGER            | DENIED    | DENIED
            CREATE             | AGENT              | DENIED    | DENIED
            CREATE             | VIEWER             | DENIED    | DENIED
            CREATE             | WITHOUT_PERMISSION | DENIED    | DENIED
            VIEW               | ROOT               | OK        | OK
            VIEW               | SYSTEM_WIDE        | OK        | OK
            VIEW               | TENANT_ADMIN       | OK        | NOT_FOUND
            VIEW               | MANAGER            | OK        | NOT_FOUND
            VIEW               | AGENT              | OK        | NOT_FOUND
            VIEW               | VIEWER             | OK        | NOT_FOUND
            VIEW               | WITHOUT_PERMISSION | DENIED    | DENIED
            EDIT               | ROOT               | OK        | OK
            EDIT               | SYSTEM_WIDE        | OK        | OK
            EDIT               | TENANT_ADMIN       | OK        | NOT_FOUND
            EDIT               | MANAGER            | DENIED    | NOT_FOUND
            EDIT               | AGENT              | DENIED    | NOT_FOUND
            EDIT               | VIEWER             | DENIED    | DENIED
            EDIT               | WITHOUT_PERMISSION | DENIED    | DENIED
            DELETE             | ROOT               | OK        | OK
            DELETE             | SYSTEM_WIDE        | OK        | OK
            DELETE             | TENANT_ADMIN       | OK        | NOT_FOUND
            DELETE             | MANAGER            | DENIED    | NOT_FOUND
            DELETE             | AGENT              | DENIED    | NOT_FOUND
            DELETE             | VIEWER             | DENIED    | DENIED
            DELETE             | WITHOUT_PERMISSION | DENIED    | DENIED
            GRANTS             | ROOT               | OK        | OK
            GRANTS             | SYSTEM_WIDE        | OK        | OK
            GRANTS             | TENANT_ADMIN       | OK        | NOT_FOUND
            GRANTS             | MANAGER            | OK        | NOT_FOUND
            GRANTS             | AGENT              | OK        | NOT_FOUND
            GRANTS             | VIEWER             | OK        | NOT_FOUND
            GRANTS             | WITHOUT_PERMISSION | DENIED    | DENIED
            GRANT              | ROOT               | OK        | OK
            GRANT              | SYSTEM_WIDE        | OK        | OK
            GRANT              | TENANT_ADMIN       | OK        | NOT_FOUND
            GRANT              | MANAGER            | DENIED    | NOT_FOUND
            GRANT              | AGENT              | DENIED    | NOT_FOUND
            GRANT              | VIEWER             | DENIED    | DENIED
            GRANT              | WITHOUT_PERMISSION | DENIED    | DENIED
            REVOKE             | ROOT               | OK        | OK
            REVOKE             | SYSTEM_WIDE        | OK        | OK
            REVOKE             | TENANT_ADMIN       | OK        | NOT_FOUND
            REVOKE             | MANAGER            | DENIED    | NOT_FOUND
            REVOKE             | AGENT              | DENIED    | NOT_FOUND
            REVOKE             | VIEWER             | DENIED    | DENIED
            REVOKE             | WITHOUT_PERMISSION | DENIED    | DENIED
            DATA_KEY           | ROOT               | OK        | OK
            DATA_KEY           | SYSTEM_WIDE        | OK        | OK
            DATA_KEY           | TENANT_ADMIN       | OK        | DENIED
            DATA_KEY           | MANAGER            | OK        | DENIED
            DATA_KEY           | AGENT              | OK        | DENIED
            DATA_KEY           | VIEWER             | DENIED    | DENIED
            DATA_KEY           | WITHOUT_PERMISSION | DENIED    | DENIED
            GRANT_USER_MODE    | ROOT               | DENIED    | DENIED
            GRANT_USER_MODE    | SYSTEM_WIDE        | DENIED    | DENIED
            GRANT_USER_MODE    | TENANT_ADMIN       | DENIED    | NOT_FOUND
            GRANT_USER_MODE    | MANAGER            | DENIED    | NOT_FOUND
            GRANT_USER_MODE    | AGENT              | DENIED    | NOT_FOUND
            GRANT_USER_MODE    | VIEWER             | DENIED    | DENIED
            GRANT_USER_MODE    | WITHOUT_PERMISSION | DENIED    | DENIED
            REVOKE_USER_MODE   | ROOT               | OK        | OK
            REVOKE_USER_MODE   | SYSTEM_WIDE        | OK        | OK
            REVOKE_USER_MODE   | TENANT_ADMIN       | OK        | NOT_FOUND
            REVOKE_USER_MODE   | MANAGER            | DENIED    | NOT_FOUND
            REVOKE_USER_MODE   | AGENT              | DENIED    | NOT_FOUND
            REVOKE_USER_MODE   | VIEWER             | DENIED    | DENIED
            REVOKE_USER_MODE   | WITHOUT_PERMISSION | DENIED    | DENIED
            DATA_KEY_USER_MODE | ROOT               | DENIED    | DENIED
            DATA_KEY_USER_MODE | SYSTEM_WIDE        | DENIED    | DENIED
            DATA_KEY_USER_MODE | TENANT_ADMIN       | DENIED    | DENIED
            DATA_KEY_USER_MODE | MANAGER            | DENIED    | DENIED
            DATA_KEY_USER_MODE | AGENT              | DENIED    | DENIED
            DATA_KEY_USER_MODE | VIEWER             | DENIED    | DENIED
            DATA_KEY_USER_MODE | WITHOUT_PERMISSION | DENIED    | DENIED
            """)
    void eachCallerReachesTheKeysOfItsLevelWithItsPermissions(Endpoint endpoint, Who who, Answer tenantA,
            Answer tenantB) {
        assertAll(
                () -> cell(endpoint, world.callers().get(who), Place.TENANT_A, tenantA),
                () -> cell(endpoint, world.callers().get(who), Place.TENANT_B, tenantB));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void requestWithoutATokenIsUnauthorized(Endpoint endpoint) {
        request(endpoint, given(), cell(endpoint, Place.TENANT_A)).then().statusCode(401);
    }

    /** Asks the endpoint about a new key of the place, as the caller, and checks the answer and its effect. */
    private void cell(Endpoint endpoint, User caller, Place place, Answer expected) {
        Cell cell = cell(endpoint, place);
        Response response = request(endpoint, caller.request(), cell);
        switch (expected) {
            case OK -> served(endpoint, response, cell);
            case NOT_FOUND -> {
                if (endpoint == Endpoint.LIST) {
                    response.then().statusCode(200).body("encrypt_keys.key_id", not(hasItem(cell.key())));
                } else {
                    response.then().statusCode(404).body("error", equalTo("NotFound"));
                }
            }
            case DENIED -> response.then().statusCode(403).contentType(startsWith("text/plain"))
                    .body(equalTo("Access is denied"));
            case INVALID_TENANT -> response.then().statusCode(400).body("details.fields.field_name",
                    hasItems("tenant_id"));
        }
        changed(endpoint, cell, expected == Answer.OK);
    }

    private static Response request(Endpoint endpoint, RequestSpecification as, Cell cell) {
        String key = "/api/v2/encrypt_keys/" + cell.key();
        String users = key + "/authorized_users";
        return switch (endpoint) {
            case LIST -> as.queryParam("tenant_id", world.tenant(cell.place())).queryParam("limit", 1000)
                    .get("/api/v2/encrypt_keys.json");
            case CREATE -> as.contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"" + unique("Made")
                    + "\", \"tenant_id\": \"" + world.tenant(cell.place()) + "\", \"add_type\": \"generate\","
                    + " \"protection_mode\": \"app\"}}").post("/api/v2/encrypt_keys.json");
            case VIEW -> as.get(key + ".json");
            case EDIT -> as.contentType(ContentType.JSON).body("{\"encrypt_key\": {\"name\": \"" + RENAMED + "\"}}")
                    .put(key + ".json");
            case DELETE -> as.delete(key + ".json");
            case GRANTS -> as.get(users + ".json");
            case GRANT, GRANT_USER_MODE -> as.contentType(ContentType.JSON)
                    .body("{\"user\": {\"user_id\": \"" + cell.grantee().id() + "\"}}").post(users + ".json");
            case REVOKE, REVOKE_USER_MODE -> as.delete(users + "/" + cell.grantee().id() + ".json");
            case DATA_KEY, DATA_KEY_USER_MODE -> as.contentType(ContentType.JSON)
                    .body("{\"wrapped_key\": \"" + Base64.getEncoder().encodeToString(wrap(cell, RECORDING_KEY))
                            + "\"}")
                    .post("/internal/v1/encrypt_keys/" + cell.key() + "/data_key");
        };
    }

    private static void served(Endpoint endpoint, Response response, Cell cell) {
        switch (endpoint) {
            case LIST -> response.then().statusCode(200).body("encrypt_keys.key_id", hasItem(cell.key()));
            case CREATE -> response.then().statusCode(201).header("Location", startsWith("/api/v2/encrypt_keys/"));
            case VIEW -> response.then().statusCode(200).body("encrypt_key.key_id", equalTo(cell.key()));
            case EDIT -> response.then().statusCode(200).body("encrypt_key.name", equalTo(RENAMED));
            case GRANTS -> response.then().statusCode(200).body("users", notNullValue());
            case GRANT, GRANT_USER_MODE -> response.then().statusCode(201);
            case DELETE, REVOKE, REVOKE_USER_MODE -> response.then().statusCode(200);
            case DATA_KEY, DATA_KEY_USER_MODE -> assertArrayEquals(RECORDING_KEY, Base64.getDecoder()
                    .decode(response.then().statusCode(200).extract().<String> path("data_key")));
        }
    }

    /** What a change left, or did not leave when refused, as the key's holder sees it. */
    private static void changed(Endpoint endpoint, Cell cell, boolean reached) {
        RequestSpecification holder = world.holder(cell.place()).request();
        String key = "/api/v2/encrypt_keys/" + cell.key();
        String grantee = cell.grantee().id().toString();
        switch (endpoint) {
            case EDIT -> holder.get(key + ".json").then().statusCode(200)
                    .body("encrypt_key.name", reached ? equalTo(RENAMED) : not(equalTo(RENAMED)));
            case DELETE -> holder.get(key + ".json").then().statusCode(reached ? 404 : 200);
            case GRANT, GRANT_USER_MODE -> holder.get(key + "/authorized_users.json").then().statusCode(200)
                    .body("users.user_id", reached ? hasItem(grantee) : not(hasItem(grantee)));
            case REVOKE, REVOKE_USER_MODE -> holder.get(key + "/authorized_users.json").then().statusCode(200)
                    .body("users.user_id", reached ? not(hasItem(grantee)) : hasItem(grantee));
            default -> {
            }
        }
    }

    /**
     * A key of the place's tenant made by its holder (one of its own when the request may change it), and a grantee
     * (already granted, for a revocation).
     */
    private static Cell cell(Endpoint endpoint, Place place) {
        User holder = world.holder(place);
        String key = endpoint.changesTheKey() ? generateKey(holder, world.tenant(place), endpoint.mode())
                : UNCHANGED_KEYS.computeIfAbsent(place + " " + endpoint.mode(),
                        unused -> generateKey(holder, world.tenant(place), endpoint.mode()));
        User grantee = user(world.tenant(place), "user", Set.of("calls_own:playback"));
        if (endpoint == Endpoint.REVOKE || endpoint == Endpoint.REVOKE_USER_MODE) {
            holder.request().contentType(ContentType.JSON)
                    .body("{\"user\": {\"user_id\": \"" + grantee.id() + "\"}}")
                    .post("/api/v2/encrypt_keys/" + key + "/authorized_users.json").then().statusCode(201);
        }
        return new Cell(place, key, grantee);
    }

    /** The data key wrapped to the cell's key, as call-service wraps it when it stores a recording. */
    private static byte[] wrap(Cell cell, byte[] dataKey) {
        String publicKey = world.holder(cell.place()).request().get("/api/v2/encrypt_keys/" + cell.key() + ".json")
                .then().statusCode(200).extract().path("encrypt_key.public_key");
        try {
            return DataKeys.wrap(DataKeys.publicKey(publicKey), dataKey);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static World build() {
        UUID system = systemTenant();
        UUID a = CryptoFixtures.tenant();
        UUID b = CryptoFixtures.tenant();
        Set<String> agentPermissions = new HashSet<>(KEY_ADMIN);
        agentPermissions.remove("calls:playback");
        agentPermissions.add("calls_own:playback");
        Map<Who, User> callers = Map.of(
                Who.ROOT, user(system, "root", KEY_ADMIN),
                Who.SYSTEM_WIDE, user(system, "system", KEY_ADMIN),
                Who.TENANT_ADMIN, user(a, "system", KEY_ADMIN),
                Who.MANAGER, user(a, "managed_groups", KEY_ADMIN),
                Who.AGENT, user(a, "user", agentPermissions),
                Who.VIEWER, user(a, "system", Set.of("encrypt_keys:view")),
                Who.WITHOUT_PERMISSION, user(a, "system", Set.of("users:view", "calls:view")));
        return new World(a, b, CryptoFixtures.tenantAdmin(a), CryptoFixtures.tenantAdmin(b), callers);
    }

    /** The System tenant as crypto-service's replica of the directory knows it: its users may see every tenant. */
    private static UUID systemTenant() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            KnownTenant tenant = new KnownTenant();
            tenant.id = id;
            tenant.name = "System";
            tenant.system = true;
            tenant.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
            tenant.receivedAt = tenant.changedAt;
            tenant.persist();
        });
        return id;
    }

    private static byte[] dataKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
