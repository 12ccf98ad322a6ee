package io.parley.directory;

import static io.parley.directory.Concurrently.post;
import static io.parley.directory.Concurrently.put;
import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.directory.Concurrently.Outcome;
import io.parley.directory.provisioning.UserProvisioning;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every uniqueness rule of the directory holds when the same object is created by several requests at once: one
 * request gets it, the others are refused exactly as a request sent afterwards is, and the database holds one.
 */
@QuarkusTest
class UniquenessUnderConcurrencyTest {

    private static final int REQUESTS = 8;
    private static final String PER_TENANT = ", \"fieldset_associate_calls\": {\"extension_uniqueness\": \"tenant\"}";

    @Inject
    UserProvisioning provisioning;

    @Test
    void sameLoginCreatedAtOnceIsGivenToOneUserAndRefusedToTheOthersAsTaken() throws Exception {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("G"));
        String role = createRole(tenant, unique("R"));
        String login = unique("racer").replace(' ', '-');
        String body = user(group, role, ", \"fieldset_login\": {\"can_login\": true, \"login\": \"" + login
                + "\", \"password\": \"pa55word\"}");

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/users.json", body));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/users.json", body), "fieldset_login.login");
        assertEquals(1, count("SELECT count(*) FROM app_user WHERE login = ?1", login));
    }

    @Test
    void sameTenantNameInAnyCaseCreatedAtOnceIsGivenToOneTenant() throws Exception {
        String name = unique("Racing Tenant");

        List<Outcome> outcomes = Concurrently.run(REQUESTS,
                i -> post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + inCase(name, i) + "\"}}"));

        assertOneCreatedOthersRefusedLike(outcomes,
                post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + name + "\"}}"), "name");
        assertEquals(1, count("SELECT count(*) FROM tenant WHERE lower(name) = lower(?1)", name));
    }

    @Test
    void sameGroupNameInAnyCaseCreatedAtOnceInATenantIsGivenToOneGroup() throws Exception {
        String tenant = createTenant();
        String name = unique("Racing Group");

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/groups.json", named("group", tenant,
                inCase(name, i), "")));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/groups.json", named("group", tenant, name, "")),
                "name");
        assertEquals(1, count("SELECT count(*) FROM user_group WHERE lower(name) = lower(?1)", name));
    }

    @Test
    void sameRoleNameInAnyCaseCreatedAtOnceInATenantIsGivenToOneRole() throws Exception {
        String tenant = createTenant();
        String name = unique("Racing Role");
        String level = ", \"access_level\": \"user\"";

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/roles.json", named("role", tenant,
                inCase(name, i), level)));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/roles.json", named("role", tenant, name, level)),
                "name");
        assertEquals(1, count("SELECT count(*) FROM role WHERE lower(name) = lower(?1)", name));
    }

    @Test
    void sameClientNameInAnyCaseCreatedAtOnceInATenantIsGivenToOneClient() throws Exception {
        String tenant = createTenant();
        String name = unique("Racing Client");
        String contacts = ", \"contacts\": [{\"phone_number\": \"+15550100\"}]";

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/clients.json", named("client", tenant,
                inCase(name, i), contacts)));

        assertOneCreatedOthersRefusedLike(outcomes,
                post("/api/v2/clients.json", named("client", tenant, name, contacts)), "name");
        assertEquals(1, count("SELECT count(*) FROM client WHERE lower(name) = lower(?1)", name));
    }

    @Test
    void lookAlikeTenantNamesCreatedAtOnceAreGivenToOneTenant() throws Exception {
        String name = unique(LookAlikes.NAME);

        List<Outcome> outcomes = Concurrently.run(REQUESTS,
                i -> post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + LookAlikes.of(name, i) + "\"}}"));

        assertOneCreatedOthersRefusedLike(outcomes,
                post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + name + "\"}}"), "name");
        assertEquals(1, count("SELECT count(*) FROM tenant WHERE lower(normalize(name, NFKC)) LIKE ?1",
                "%" + suffix(name)));
    }

    @Test
    void lookAlikeGroupNamesCreatedAtOnceInATenantAreGivenToOneGroup() throws Exception {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/groups.json", named("group", tenant,
                LookAlikes.of(name, i), "")));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/groups.json", named("group", tenant, name, "")),
                "name");
        assertEquals(1, count("SELECT count(*) FROM user_group WHERE tenant_id = CAST(?1 AS uuid)", tenant));
    }

    @Test
    void lookAlikeRoleNamesCreatedAtOnceInATenantAreGivenToOneRole() throws Exception {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        String level = ", \"access_level\": \"user\"";

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/roles.json", named("role", tenant,
                LookAlikes.of(name, i), level)));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/roles.json", named("role", tenant, name, level)),
                "name");
        assertEquals(1, count("SELECT count(*) FROM role WHERE tenant_id = CAST(?1 AS uuid)", tenant));
    }

    @Test
    void lookAlikeClientNamesCreatedAtOnceInATenantAreGivenToOneClient() throws Exception {
        String tenant = createTenant();
        String name = unique(LookAlikes.NAME);
        String contacts = ", \"contacts\": [{\"phone_number\": \"+15550100\"}]";

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/clients.json", named("client", tenant,
                LookAlikes.of(name, i), contacts)));

        assertOneCreatedOthersRefusedLike(outcomes,
                post("/api/v2/clients.json", named("client", tenant, name, contacts)), "name");
        assertEquals(1, count("SELECT count(*) FROM client WHERE tenant_id = CAST(?1 AS uuid)", tenant));
    }

    @Test
    void sameExtensionCreatedAtOnceInTenantsOfSystemwideUniquenessIsGivenToOneUser() throws Exception {
        String extension = extension();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String tenant = createTenant();
            bodies.add(user(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), extensions(extension)));
        }

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/users.json", bodies.get(i)));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/users.json", bodies.get(0)),
                "fieldset_recording.extensions");
        assertEquals(1, count("SELECT count(*) FROM user_extension WHERE extension = ?1", extension));
    }

    @Test
    void sameExtensionCreatedAtOnceInATenantOfTenantUniquenessIsGivenToOneOfItsUsers() throws Exception {
        String extension = extension();
        String tenant = createTenant(PER_TENANT);
        String body = user(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), extensions(extension));

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/users.json", body));

        assertOneCreatedOthersRefusedLike(outcomes, post("/api/v2/users.json", body), "fieldset_recording.extensions");
        assertEquals(1, count("SELECT count(*) FROM user_extension WHERE extension = ?1", extension));
    }

    @Test
    void tenantSwitchingToSystemwideWhileOtherTenantsTakeItsExtensionEndsWithOneOrTheOther() throws Exception {
        // each round new tenants: one lost race is enough to leave a systemwide tenant sharing its extension
        for (int round = 0; round < 3; round++) {
            String extension = extension();
            String switching = createTenant(PER_TENANT);
            createUser(createGroup(switching, unique("G")), createRole(switching, unique("R")), "Holder",
                    extensions(extension));
            List<Callable<Outcome>> actions = new ArrayList<>();
            for (int i = 1; i < REQUESTS; i++) {
                String other = createTenant(PER_TENANT);
                actions.add(post("/api/v2/users.json",
                        user(createGroup(other, unique("G")), createRole(other, unique("R")), extensions(extension))));
            }
            int put = REQUESTS / 2;
            actions.add(put, put("/api/v2/tenants/" + switching + ".json",
                    "{\"tenant\": {\"fieldset_associate_calls\": {\"extension_uniqueness\": \"systemwide\"}}}"));

            List<Outcome> outcomes = Concurrently.run(actions);

            long sharers = count("SELECT count(*) FROM user_extension e JOIN app_user u ON u.id = e.user_id"
                    + " WHERE e.extension = ?1 AND u.tenant_id <> CAST(?2 AS uuid)", extension, switching);
            String uniqueness = given().get("/api/v2/tenants/" + switching + ".json").then().statusCode(200)
                    .extract().path("tenant.fieldset_associate_calls.extension_uniqueness");
            if (outcomes.get(put).status() == 200) {
                assertEquals("systemwide", uniqueness);
                assertEquals(0, sharers, "a systemwide tenant shares its extension: " + outcomes);
            } else {
                assertRefused(outcomes.get(put), "fieldset_associate_calls.extension_uniqueness");
                assertEquals("tenant", uniqueness);
                assertTrue(sharers > 0, outcomes.toString());
            }
            for (int i = 0; i < REQUESTS; i++) {
                if (i != put && outcomes.get(i).status() != 201) {
                    assertRefused(outcomes.get(i), "fieldset_recording.extensions");
                }
            }
        }
    }

    @Test
    void provisioningAndApiRequestsForTheSameExtensionAtOnceGiveItToOneUser() throws Exception {
        String extension = extension();
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        given().contentType(ContentType.JSON).body("""
                {"tenant": {"fieldset_associate_calls": {"associate_calls": "sip_uri_host",
                  "sip_uri_host": "pbx.example.com", "record_unknown_users": "record", "auto_provision": true,
                  "provision_group_id": "%s", "provision_role_id": "%s"}}}
                """.formatted(group, role)).put("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);
        String body = user(group, role, extensions(extension));
        List<Callable<Outcome>> actions = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            actions.add(i % 2 == 0 ? provision(UUID.fromString(tenant), extension) : post("/api/v2/users.json", body));
        }

        List<Outcome> outcomes = Concurrently.run(actions);

        assertEquals(1, count("SELECT count(*) FROM user_extension WHERE extension = ?1", extension), outcomes
                .toString());
        Outcome sequential = Concurrently.run(List.of(post("/api/v2/users.json", body))).get(0);
        assertRefused(sequential, "fieldset_recording.extensions");
        outcomes.stream().filter(outcome -> outcome.status() >= 200 && outcome.status() != 201)
                .forEach(outcome -> assertEquals(sequential, outcome));
        // a request for an extension the tenant's users hold meanwhile is done, not failed: nothing to set aside
        outcomes.stream().filter(outcome -> outcome.status() < 200)
                .forEach(outcome -> assertEquals(new Outcome(0, "provisioning committed"), outcome));
    }

    /** Provisioning as a request from call-service runs it: in a transaction of its own. */
    private Callable<Outcome> provision(UUID tenant, String extension) {
        return () -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> provisioning.provision(tenant, extension, null));
                return new Outcome(0, "provisioning committed");
            } catch (RuntimeException rolledBack) {
                return new Outcome(-1, "provisioning rolled back: " + rolledBack);
            }
        };
    }

    private static void assertOneCreatedOthersRefusedLike(List<Outcome> outcomes, Callable<Outcome> again,
            String field) throws Exception {
        Outcome sequential = Concurrently.run(List.of(again)).get(0);
        assertRefused(sequential, field);
        assertEquals(1, outcomes.stream().filter(outcome -> outcome.status() == 201).count(), outcomes.toString());
        outcomes.stream().filter(outcome -> outcome.status() != 201)
                .forEach(outcome -> assertEquals(sequential, outcome));
    }

    private static void assertRefused(Outcome outcome, String field) {
        assertEquals(400, outcome.status(), outcome.toString());
        assertTrue(outcome.body().contains("\"field_name\":\"" + field + "\""), outcome.body());
        assertTrue(outcome.body().contains("\"error\":\"" + ("fieldset_associate_calls.extension_uniqueness"
                .equals(field) ? "invalid" : "taken") + "\""), outcome.body());
    }

    private static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The name in lower case, upper case or as given, by turns: the same name to the case-insensitive rules. */
    private static String inCase(String name, int turn) {
        return switch (turn % 3) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name.toUpperCase(Locale.ROOT);
        };
    }

    /** The random part {@code unique} gave the name: each look-alike holds it, up to case and width. */
    private static String suffix(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String named(String kind, String tenant, String name, String extra) {
        return "{\"" + kind + "\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"" + name + "\"" + extra + "}}";
    }

    private static String user(String group, String role, String extra) {
        return "{\"user\": {\"name\": \"Racer\", \"group_id\": \"" + group + "\", \"role_id\": \"" + role + "\""
                + extra + "}}";
    }

    private static String extensions(String extension) {
        return ", \"fieldset_recording\": {\"extensions\": [\"" + extension + "\"]}";
    }

    private static String extension() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
