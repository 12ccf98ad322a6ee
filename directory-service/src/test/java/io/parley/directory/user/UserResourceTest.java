package io.parley.directory.user;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.IdentityTokens;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.RandomText;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class UserResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void userAndTenantSearchesAreTimedEachByItsKind() {
        Map<String, String> users = Map.of("kind", "users", "service", "directory-service");
        Map<String, String> tenants = Map.of("kind", "tenants", "service", "directory-service");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);

        given().queryParam("search_term", "nobody").when().get("/api/v2/users.json").then().statusCode(200);
        given().when().get("/api/v2/tenants.json").then().statusCode(200);

        ScrapedMetrics after = ScrapedMetrics.of(metrics);
        assertEquals(1, after.value("parley_search_seconds_count", users)
                - before.value("parley_search_seconds_count", users));
        assertEquals(1, after.value("parley_search_seconds_count", tenants)
                - before.value("parley_search_seconds_count", tenants));
        assertTrue(after.sum("parley_outbox_parked", Map.of("service", "directory-service")).isPresent(),
                "the outbox's gauges");
    }

    @Test
    void createdUserIsServedWithEveryReferenceFieldButThePassword() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Agents"));
        String managed = createGroup(tenant, unique("Managed"));
        String role = createRole(tenant, unique("Agent"));
        String login = unique("jsmith").replace(' ', '.');
        String id = createUser(group, role, "John Smith", """
                , "email": "john@example.com", "timezone": "Europe/London", "is_active": true,
                "managed_groups": ["%s"],
                "fieldset_login": {"can_login": true, "login": "%s", "password": "s3cret-pass",
                  "authenticate_type": "password", "mush_change_password": true,
                  "valid_till": "2030-10-01T00:00:00-07:00"},
                "fieldset_recording": {"record": "ondemand", "extensions": ["2001", "+12001"], "confidential": true,
                  "record_direction": ["in"], "on_demand_default": "keep"},
                "fieldset_licensing": {"recording_seat": true, "monitoring_seat": false, "evaluation_seat": true}
                """.formatted(managed, login));

        view(id).statusCode(200)
                .body("user.user_id", equalTo(id))
                .body("user.tenant_id", equalTo(tenant))
                .body("user.name", equalTo("John Smith"))
                .body("user.group_id", equalTo(group))
                .body("user.role_id", equalTo(role))
                .body("user.is_active", equalTo(true))
                .body("user.email", equalTo("john@example.com"))
                .body("user.timezone", equalTo("Europe/London"))
                .body("user.managed_groups", contains(managed))
                .body("user.fieldset_login.can_login", equalTo(true))
                .body("user.fieldset_login.login", equalTo(login))
                .body("user.fieldset_login.authenticate_type", equalTo("password"))
                .body("user.fieldset_login.must_change_password", equalTo(true))
                .body("user.fieldset_login.valid_till", equalTo("2030-10-01T07:00:00+0000"))
                .body("user.fieldset_login", not(hasKey("password")))
                .body("user.fieldset_recording.record", equalTo("ondemand"))
                .body("user.fieldset_recording.extensions", contains("2001", "+12001"))
                .body("user.fieldset_recording.confidential", equalTo(true))
                .body("user.fieldset_recording.record_direction", contains("in"))
                .body("user.fieldset_recording.on_demand_default", equalTo("keep"))
                .body("user.fieldset_licensing.recording_seat", equalTo(true))
                .body("user.fieldset_licensing.evaluation_seat", equalTo(true));
    }

    @Test
    void passwordIsStoredHashedAndLetsTheUserSignIn() {
        String tenant = createTenant();
        String login = unique("signin").replace(' ', '-');
        createUser(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), "Signer",
                ", \"fieldset_login\": {\"can_login\": true, \"login\": \"" + login + "\", \"password\": \"pa55word\"}");

        authenticate(login, "pa55word").statusCode(200).body("tenant_id", equalTo(tenant));
        authenticate(login, "wrong").statusCode(401);
    }

    @Test
    void deactivatedUserCannotSignIn() {
        String tenant = createTenant();
        String login = unique("inactive").replace(' ', '-');
        String id = createUser(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), "Leaver",
                ", \"fieldset_login\": {\"can_login\": true, \"login\": \"" + login + "\", \"password\": \"pa55word\"}");

        update(id, "{\"user\": {\"is_active\": false}}").statusCode(200).body("user.is_active", equalTo(false));
        authenticate(login, "pa55word").statusCode(401);
    }

    @Test
    void loginsAreUniqueAcrossTenants() {
        String login = unique("taken").replace(' ', '-');
        String first = createTenant();
        createUser(createGroup(first, unique("G")), createRole(first, unique("R")), "First",
                ", \"fieldset_login\": {\"login\": \"" + login + "\"}");
        String second = createTenant();

        create(createGroup(second, unique("G")), createRole(second, unique("R")), "Second",
                ", \"fieldset_login\": {\"login\": \"" + login + "\"}")
                .statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_login.login"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void extensionsAreUniqueSystemWideByDefault() {
        String extension = uniqueExtension();
        String first = createTenant();
        createUser(createGroup(first, unique("G")), createRole(first, unique("R")), "First", extensions(extension));
        String second = createTenant();

        create(createGroup(second, unique("G")), createRole(second, unique("R")), "Second", extensions(extension))
                .statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_recording.extensions"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void tenantsWithTenantUniquenessMayShareExtensionsButNotWithin() {
        String extension = uniqueExtension();
        String perTenant = ", \"fieldset_associate_calls\": {\"extension_uniqueness\": \"tenant\"}";
        String first = createTenant(perTenant);
        String firstGroup = createGroup(first, unique("G"));
        String firstRole = createRole(first, unique("R"));
        createUser(firstGroup, firstRole, "First", extensions(extension));
        String second = createTenant(perTenant);

        create(createGroup(second, unique("G")), createRole(second, unique("R")), "Second", extensions(extension))
                .statusCode(201);
        create(firstGroup, firstRole, "Third", extensions(extension)).statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"fieldset_associate_calls\": {\"extension_uniqueness\": \"systemwide\"}}}")
                .when().put("/api/v2/tenants/" + first + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_associate_calls.extension_uniqueness"));
    }

    @Test
    void tenantCannotHaveMoreSeatHoldersThanItsLicenseLimit() {
        String tenant = createTenant(", \"fieldset_licensing\": {\"recording_seats\": 1}");
        String group = createGroup(tenant, unique("G"));
        String role = createRole(tenant, unique("R"));
        String seat = ", \"fieldset_licensing\": {\"recording_seat\": true}";
        String holder = createUser(group, role, "Holder", seat);

        create(group, role, "Second", seat).statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_licensing.recording_seat"));
        given().contentType(ContentType.JSON)
                .body("{\"tenant\": {\"fieldset_licensing\": {\"recording_seats\": 0}}}")
                .when().put("/api/v2/tenants/" + tenant + ".json")
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_licensing.recording_seats"));
        update(holder, "{\"user\": {\"fieldset_licensing\": {\"recording_seat\": false}}}").statusCode(200);
        create(group, role, "Third", seat).statusCode(201);
    }

    @Test
    void roleGroupAndManagedGroupsMustBelongToTheUsersTenant() {
        String tenant = createTenant();
        String other = createTenant();
        String group = createGroup(tenant, unique("G"));
        String foreignRole = createRole(other, unique("R"));
        String role = createRole(tenant, unique("R"));

        create(group, foreignRole, "Wrong role", "").statusCode(400)
                .body("details.fields[0].field_name", equalTo("role_id"));
        create(group, role, "Wrong managed", ", \"managed_groups\": [\"" + createGroup(other, unique("G")) + "\"]")
                .statusCode(400)
                .body("details.fields[0].field_name", equalTo("managed_groups"));
        create(UUID.randomUUID().toString(), role, "No group", "").statusCode(400)
                .body("details.fields[0].field_name", equalTo("group_id"));
        String id = createUser(group, role, "Stays", "");
        update(id, "{\"user\": {\"group_id\": \"" + createGroup(other, unique("G")) + "\"}}").statusCode(400)
                .body("details.fields[0].field_name", equalTo("group_id"));
    }

    @Test
    void requiredFieldsAndValueSetsAreCheckedByName() {
        given().contentType(ContentType.JSON).body("{\"user\": {}}")
                .when().post("/api/v2/users.json")
                .then().statusCode(400)
                .body("details.fields.field_name", hasItem("name"))
                .body("details.fields.field_name", hasItem("group_id"))
                .body("details.fields.field_name", hasItem("role_id"));

        String tenant = createTenant();
        ValidatableResponse invalid = create(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), "Bad", """
                , "timezone": "Moon/Base",
                "fieldset_login": {"authenticate_type": "kerberos", "can_login": true},
                "fieldset_recording": {"record": "sometimes", "record_direction": ["sideways"],
                  "on_demand_default": "shred"}
                """).statusCode(400);
        for (String field : new String[] { "timezone", "fieldset_login.authenticate_type", "fieldset_login.login",
                "fieldset_recording.record", "fieldset_recording.record_direction",
                "fieldset_recording.on_demand_default" }) {
            invalid.body("details.fields.field_name", hasItem(field));
        }
    }

    @Test
    void searchParametersFindUsersTheWayTheReferenceDescribes() {
        String tenant = createTenant();
        String tenantName = given().when().get("/api/v2/tenants/" + tenant + ".json").then().extract()
                .path("tenant.name");
        String supervisors = createGroup(tenant, unique("Supervisors"));
        String agents = createGroup(tenant, unique("Agents"));
        String role = createRole(tenant, unique("Closer"));
        String extension = uniqueExtension();
        String login = unique("alogin").replace(' ', '-');
        String alice = createUser(supervisors, role, "Alice Wonder",
                ", \"fieldset_login\": {\"login\": \"" + login + "\"}" + extensions(extension));
        String bob = createUser(agents, role, "Bob Builder", "");

        search("tenant_id", tenant).body("users.user_id", contains(alice, bob));
        search("group_id", supervisors).body("users.user_id", contains(alice));
        search("name", "WONDER").body("users.user_id", contains(alice));
        search("login", login).body("users.user_id", contains(alice));
        search("login", login.substring(0, 5)).body("users.size()", equalTo(0));
        search("extension", extension).body("users.user_id", contains(alice));
        given().queryParam("tenant_id", tenant).queryParam("search_term", "builder").when().get("/api/v2/users.json")
                .then().body("users.user_id", contains(bob));
        given().queryParam("tenant_id", tenant).queryParam("search_term", "supervisors")
                .when().get("/api/v2/users.json").then().body("users.user_id", contains(alice));
        given().queryParam("tenant_id", tenant).queryParam("search_term", extension.substring(1))
                .when().get("/api/v2/users.json").then().body("users.user_id", contains(alice));
        given().queryParam("search_term", tenantName.toUpperCase()).when().get("/api/v2/users.json")
                .then().body("users.user_id", contains(alice, bob));
        given().queryParam("tenant_id", tenant).queryParam("search_term", "closer").queryParam("limit", 1)
                .when().get("/api/v2/users.json")
                .then().body("users.user_id", contains(alice))
                .body("next_url", containsString("start=1"));
        given().contentType(ContentType.JSON).body("{\"group\": {\"name\": \"Renamed Leads\"}}")
                .when().put("/api/v2/groups/" + supervisors + ".json").then().statusCode(200);
        given().queryParam("tenant_id", tenant).queryParam("search_term", "renamed leads")
                .when().get("/api/v2/users.json").then().body("users.user_id", contains(alice));
        search("tenant_id", "not-a-uuid").statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"));
    }

    @Test
    void updateChangesOnlyTheSuppliedFieldsAndReplacesLists() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("G"));
        String role = createRole(tenant, unique("R"));
        String first = uniqueExtension();
        String second = uniqueExtension();
        String id = createUser(group, role, "Before", extensions(first));

        update(id, "{\"user\": {\"name\": \"After\"}}").statusCode(200)
                .body("user.name", equalTo("After"))
                .body("user.fieldset_recording.extensions", contains(first));
        update(id, "{\"user\": {\"fieldset_recording\": {\"extensions\": [\"" + second + "\"]}}}").statusCode(200)
                .body("user.fieldset_recording.extensions", contains(second))
                .body("user.name", equalTo("After"));
        update(id, "{\"user\": {\"timezone\": null}}").statusCode(200).body("user.timezone", nullValue());
    }

    @Test
    void deletedUserIsGoneAndEveryChangeIsPublishedWithoutThePassword() throws Exception {
        String tenant = createTenant();
        String id = createUser(createGroup(tenant, unique("G")), createRole(tenant, unique("R")), "Published",
                ", \"fieldset_login\": {\"login\": \"" + unique("pub").replace(' ', '-')
                        + "\", \"password\": \"never-published\"}");
        given().when().delete("/api/v2/users/" + id + ".json").then().statusCode(200);

        view(id).statusCode(404);
        String created = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id) && value.contains(DirectoryEvents.USER_CREATED), Duration.ofSeconds(30))
                .orElseThrow().value();
        assertFalse(created.contains("never-published"));
        assertFalse(new ObjectMapper().readTree(created).at("/data/user/fieldset_login").has("password"), created);
        assertTrue(KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id) && value.contains(DirectoryEvents.USER_DELETED), Duration.ofSeconds(30))
                .isPresent());
    }

    @Test
    void groupThatSomeoneManagesCannotBeDeleted() {
        String tenant = createTenant();
        String managed = createGroup(tenant, unique("Managed"));
        createUser(createGroup(tenant, unique("Home")), createRole(tenant, unique("R")), "Manager",
                ", \"managed_groups\": [\"" + managed + "\"]");

        given().when().delete("/api/v2/groups/" + managed + ".json")
                .then().statusCode(409)
                .body("error", equalTo("InUse"));
    }

    @Test
    void userWithEveryTextAtItsBoundInMultibyteCharactersIsStoredAndFound() {
        String tenant = createTenant();
        String group = createGroup(tenant, RandomText.cjk(85)); // three bytes a character: 255 bytes
        String role = createRole(tenant, RandomText.cjk(85));
        String name = RandomText.cjk(85);
        List<String> extensions = IntStream.range(0, 100).mapToObj(i -> RandomText.cjk(21)).toList();

        String id = createUser(group, role, name, ", \"fieldset_login\": {\"login\": \"" + RandomText.cjk(85) + "\"}"
                + ", \"fieldset_recording\": {\"extensions\": " + json(extensions) + "}");

        given().queryParam("search_term", name.substring(40, 44)).when().get("/api/v2/users.json")
                .then().statusCode(200).body("users.user_id", contains(id));
        given().queryParam("search_term", extensions.get(99)).when().get("/api/v2/users.json")
                .then().statusCode(200).body("users.user_id", contains(id));
    }

    @Test
    void textOverItsBoundInBytesAndListsOverTheirLengthAreRefusedNamingTheField() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("G"));
        String role = createRole(tenant, unique("R"));
        String rule = "must be at most 255 bytes of UTF-8 text, without control characters";

        create(group, role, RandomText.cjk(86), "").statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].description", equalTo(rule));
        create(group, role, "Nul \\u0000 Inside", "").statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"));
        create(group, role, "Long Login", ", \"fieldset_login\": {\"login\": \"" + RandomText.cjk(86) + "\"}")
                .statusCode(400).body("details.fields[0].field_name", equalTo("fieldset_login.login"));
        create(group, role, "Long Extension", extensions(RandomText.cjk(22))).statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_recording.extensions"));
        create(group, role, "Many Extensions", ", \"fieldset_recording\": {\"extensions\": "
                + json(IntStream.range(0, 101).mapToObj(i -> uniqueExtension()).toList()) + "}").statusCode(400)
                .body("details.fields[0].field_name", equalTo("fieldset_recording.extensions"))
                .body("details.fields[0].description", equalTo("must have at most 100 entries"));
        create(group, role, "Many Groups", ", \"managed_groups\": " + json(Collections.nCopies(101, group)))
                .statusCode(400).body("details.fields[0].field_name", equalTo("managed_groups"));
    }

    @Test
    void managedGroupsAreCheckedAndStoredInAsManyStatementsWhateverTheirNumber() {
        String tenant = createTenant();
        String role = createRole(tenant, unique("Manager"));
        List<String> groups = IntStream.range(0, 30).mapToObj(i -> createGroup(tenant, unique("Managed"))).toList();
        String user = createUser(groups.get(0), role, "Many Groups", "");
        long[] forOne = statementsToGiveManagedGroups(user, groups.subList(0, 1));
        long[] forAll = statementsToGiveManagedGroups(user, groups);
        assertEquals(forOne[0], forAll[0], "queries for 1 managed group, and for " + groups.size());
        assertEquals(forOne[1], forAll[1], "statements for 1 managed group, and for " + groups.size());
    }

    /** The queries, and the statements of every kind, that giving the user these managed groups takes. */
    private long[] statementsToGiveManagedGroups(String user, List<String> groups) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long queries = statistics.getQueryExecutionCount();
        long statements = statistics.getPrepareStatementCount();
        update(user, "{\"user\": {\"managed_groups\": " + json(groups) + "}}").statusCode(200)
                .body("user.managed_groups.size()", equalTo(groups.size()));
        return new long[] { statistics.getQueryExecutionCount() - queries,
                statistics.getPrepareStatementCount() - statements };
    }

    @Test
    void unknownUserIs404() {
        view(UUID.randomUUID().toString()).statusCode(404);
        update(UUID.randomUUID().toString(), "{\"user\": {\"name\": \"x\"}}").statusCode(404);
        given().when().delete("/api/v2/users/" + UUID.randomUUID() + ".json").then().statusCode(404);
    }

    private static String json(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String uniqueExtension() {
        return "9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    private static String extensions(String extension) {
        return ", \"fieldset_recording\": {\"extensions\": [\"" + extension + "\"]}";
    }

    private static ValidatableResponse create(String group, String role, String name, String extra) {
        return given().contentType(ContentType.JSON).body("{\"user\": {\"name\": \"" + name + "\", \"group_id\": \""
                + group + "\", \"role_id\": \"" + role + "\"" + extra + "}}")
                .when().post("/api/v2/users.json").then();
    }

    private static ValidatableResponse view(String id) {
        return given().when().get("/api/v2/users/" + id + ".json").then();
    }

    private static ValidatableResponse update(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/v2/users/" + id + ".json").then();
    }

    private static ValidatableResponse search(String parameter, String value) {
        return given().queryParam(parameter, value).when().get("/api/v2/users.json").then();
    }

    private static ValidatableResponse authenticate(String login, String password) {
        return given().auth().oauth2(IdentityTokens.gateway()).contentType(ContentType.JSON)
                .body("{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}")
                .when().post("/internal/v1/authenticate").then();
    }
}
