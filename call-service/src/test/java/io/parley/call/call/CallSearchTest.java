package io.parley.call.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.parley.call.search.CallQuery;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The basic search of {@code GET /api/v2/calls.json} (reference 3.1.4), its paging and order. */
@QuarkusTest
class CallSearchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private final UUID tenant = UUID.randomUUID();
    private final String administrator = Callers.system(tenant, Callers.CALLS);

    @Test
    void daterangeTakesWholeDaysOfTheCallersTimezoneTheLastDayIncluded() {
        // New York is UTC-5 in January
        UUID beforeTheDay = store(TestCalls.call(tenant, "2026-01-10T04:59:59Z"));
        UUID startOfTheDay = store(TestCalls.call(tenant, "2026-01-10T05:00:00Z"));
        UUID endOfTheDay = store(TestCalls.call(tenant, "2026-01-11T04:59:59Z"));
        UUID nextDay = store(TestCalls.call(tenant, "2026-01-11T05:00:00Z"));
        String newYorker = Callers.token(UUID.randomUUID(), tenant, "system", List.of(), Callers.CALLS,
                "America/New_York");

        assertEquals(List.of(endOfTheDay, startOfTheDay), ids(newYorker, Map.of("daterange", "2026/01/10")));
        assertEquals(List.of(nextDay, endOfTheDay, startOfTheDay, beforeTheDay),
                ids(newYorker, Map.of("daterange", "2026/01/09-2026/01/11")));
        assertEquals(List.of(endOfTheDay, startOfTheDay, beforeTheDay),
                ids(newYorker, Map.of("daterange", "2026/01/09 - 2026/01/10")));
    }

    @Test
    void userIdAndUserLoginFindTheCallsOfAParticipantsUser() {
        UUID agent = UUID.randomUUID();
        String login = "agent-" + agent;
        TestCalls.user(dataSource, agent, tenant, null, "Agent Smith", login);
        UUID agentsCall = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").participant(null, "+15550100")
                .participant(agent, "100"));
        store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").participant(UUID.randomUUID(), "101"));

        assertEquals(List.of(agentsCall), ids(administrator, Map.of("user_id", agent.toString())));
        assertEquals(List.of(agentsCall), ids(administrator, Map.of("user_login", login)));
        assertEquals(List.of(), ids(administrator, Map.of("user_login", "nobody-" + agent)));
    }

    @Test
    void userLoginIsTheOneTheDirectoryAnnounced() {
        UUID agent = UUID.randomUUID();
        String login = "announced-" + agent;
        KafkaTopics.send(kafka, DirectoryEvents.TOPIC, agent.toString(), """
                {"event_id": "%s", "type": "user.created", "version": 1, "occurred_at": "2026-03-01T09:00:00Z",
                 "tenant_id": "%s", "data": {"user": {"user_id": "%s", "tenant_id": "%s", "name": "Agent",
                 "fieldset_login": {"login": "%s"}}}}
                """.formatted(UUID.randomUUID(), tenant, agent, tenant, login));
        Rows.awaitFirst(dataSource, "SELECT * FROM known_user WHERE login IS NOT NULL AND id = ?", agent);
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").participant(agent, "100"));

        assertEquals(List.of(call), ids(administrator, Map.of("user_login", login)));
    }

    @Test
    void groupIdAndTenantIdFindTheCallsAssociatedWithThem() {
        UUID group = UUID.randomUUID();
        UUID groupsCall = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("group_id", group));
        UUID otherCall = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("group_id", UUID.randomUUID()));
        UUID otherTenant = UUID.randomUUID();
        UUID otherTenantsCall = store(TestCalls.call(otherTenant, "2026-03-01T12:00:00Z"));

        assertEquals(List.of(groupsCall), ids(administrator, Map.of("group_id", group.toString())));
        assertEquals(List.of(otherCall, groupsCall), ids(Callers.root(), Map.of("tenant_id", tenant.toString())));
        assertEquals(List.of(otherTenantsCall), ids(Callers.root(), Map.of("tenant_id", otherTenant.toString())));
    }

    @Test
    void searchTermFindsPartOfAPhoneNumberOrNameInAnyCase() {
        UUID byNumber = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("from_number", "+15551234567"));
        UUID byCalledNumber = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("to_number", "1234"));
        UUID byName = store(TestCalls.call(tenant, "2026-03-01T12:00:00Z").set("to_name", "Emy Stone"));
        store(TestCalls.call(tenant, "2026-03-01T13:00:00Z").set("from_number", "999").set("from_name", "Bob"));

        assertEquals(List.of(byCalledNumber, byNumber), ids(administrator, Map.of("search_term", "1234")));
        assertEquals(List.of(byName), ids(administrator, Map.of("search_term", "emy st")));
        assertEquals(List.of(), ids(administrator, Map.of("search_term", "12%4")), "% is no wildcard here");
    }

    @Test
    void partsOfTextsAreFoundOnEveryPageWhereverTheyAreInTime() throws SQLException {
        // more of the tenant's calls than a search for part of a text walks through, one an hour from 2026-01-01 on
        int calls = 2 * CallQuery.WALK_BUDGET;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO call (call_id, tenant_id,"
                        + " setup_time, from_number, from_name, last_event_at) SELECT gen_random_uuid(), ?,"
                        + " timestamptz '2026-01-01 00:00Z' + i * interval '1 hour', '+1555' || lpad(i::text, 7, '0'),"
                        + " 'Customer ' || i, now() FROM generate_series(0, ?) i")) {
            insert.setObject(1, tenant);
            insert.setInt(2, calls - 1);
            insert.executeUpdate();
        }
        // a rare number: once among the newest calls, twice among the oldest
        UUID newest = store(TestCalls.call(tenant, "2026-12-31T00:00:00Z").set("to_number", "+19997777"));
        UUID older = store(TestCalls.call(tenant, "2025-12-31T12:00:00Z").set("to_number", "+19997777"));
        UUID oldest = store(TestCalls.call(tenant, "2025-12-31T00:00:00Z").set("to_number", "+19997777"));

        JsonPath first = page(administrator, "/api/v2/calls.json?search_term=7777&limit=2&max_total_calc=10");
        assertEquals(strings(List.of(newest, older)), first.getList("calls.call_id"));
        assertEquals(3, first.getInt("total"));
        JsonPath last = page(administrator, first.getString("next_url"));
        assertEquals(strings(List.of(oldest)), last.getList("calls.call_id"));
        assertEquals(3, last.getInt("total"));
        assertEquals(List.of(oldest, older), ids(administrator, Map.of("search_term", "7777", "sort_order", "asc",
                "limit", "2")));
        assertEquals(List.of(older, oldest), ids(administrator, Map.of("advanced_search", "1",
                "phone_number__ends_with", "7777", "date__older_than", "2026/01/01")));
        // a common text: its page is among the first calls
        assertEquals(List.of(newest), ids(administrator, Map.of("search_term", "+1", "limit", "1")));
        assertEquals("Customer " + (calls - 1), page(administrator, "/api/v2/calls.json?search_term=customer&limit=1")
                .getString("calls[0].from_name"));
        // a day of 24 calls, fewer than a walk reads: they are all the walk needs to look at
        assertEquals(IntStream.rangeClosed(40, 47).mapToObj(i -> "Customer " + (87 - i)).toList(),
                given().auth().oauth2(administrator)
                        .queryParams(Map.of("daterange", "2026/01/02", "search_term", "customer 4"))
                        .when().get("/api/v2/calls.json").then().statusCode(200)
                        .extract().jsonPath().getList("calls.from_name", String.class));
    }

    @Test
    void aNumberLookedUpOnBothSidesFindsACallOnceAndCountsItOnce() {
        String number = "+1" + (1_000_000 + new Random().nextInt(9_000_000)); // this test's calls alone
        UUID bothSides = store(TestCalls.call(tenant, "2026-03-03T10:00:00Z").set("from_number", number + "1")
                .set("to_number", number + "2"));
        UUID from = store(TestCalls.call(tenant, "2026-03-02T10:00:00Z").set("from_number", number + "3")
                .set("to_number", "100"));
        UUID to = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("to_number", number + "4"));
        store(TestCalls.call(UUID.randomUUID(), "2026-03-04T10:00:00Z").set("from_number", number + "5"));
        String beginning = "/api/v2/calls.json?advanced_search=1&phone_number__starts_with=%2B" + number.substring(1);

        JsonPath first = page(administrator, beginning + "&limit=2&max_total_calc=10");
        assertEquals(strings(List.of(bothSides, from)), first.getList("calls.call_id"));
        assertEquals(3, first.getInt("total"));
        assertEquals(strings(List.of(to)), page(administrator, first.getString("next_url")).getList("calls.call_id"));
        assertEquals(strings(List.of(to, from, bothSides)),
                page(administrator, beginning + "&sort_order=asc").getList("calls.call_id"));
        assertEquals(strings(List.of(from)), page(administrator, beginning + "&date__equal_to=2026/03/02")
                .getList("calls.call_id"));
        // a part of a text too: the lookups are then conditions of the walk (the number's tail and the last digit)
        assertEquals(strings(List.of(bothSides)), page(administrator, beginning + "&phone_number__includes="
                + number.substring(4) + "2").getList("calls.call_id"));
        assertEquals(strings(List.of(bothSides)), page(administrator, "/api/v2/calls.json?advanced_search=1"
                + "&phone_number__equal_to=%2B" + number.substring(1) + "2").getList("calls.call_id"));
    }

    @Test
    void categoryIdFindsNothingWhileParleyCategorizesNoCalls() {
        store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));

        assertEquals(List.of(), ids(administrator, Map.of("category_id", UUID.randomUUID().toString())));
    }

    @Test
    void broadworksUserAndGroupIdsMatchExactly() {
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("broadworks_user_id", "user@bw.com")
                .set("broadworks_group_id", "GroupA"));
        store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("broadworks_user_id", "other-user@bw.com")
                .set("broadworks_group_id", "GroupAB"));

        assertEquals(List.of(call), ids(administrator, Map.of("broadworks_user_id", "user@bw.com")));
        assertEquals(List.of(call), ids(administrator, Map.of("broadworks_group_id", "GroupA")));
    }

    @Test
    void activeOnlyLeavesOutCallsTheRecorderReportedEnded() {
        UUID active = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        UUID ended = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("ended_at", "2026-03-01T11:05:00Z"));

        assertEquals(List.of(active), ids(administrator, Map.of("active_only", "1")));
        assertEquals(List.of(ended, active), ids(administrator, Map.of("active_only", "0")));
    }

    @Test
    void parametersCombineWithAnd() {
        UUID group = UUID.randomUUID();
        UUID both = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("group_id", group)
                .set("from_number", "4321"));
        store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("group_id", group));
        store(TestCalls.call(tenant, "2026-03-02T10:00:00Z").set("from_number", "4321"));

        assertEquals(List.of(both), ids(administrator, Map.of("group_id", group.toString(), "search_term", "4321",
                "daterange", "2026/03/01")));
    }

    @Test
    void parametersThatCannotBeServedAreNamedInOne400() {
        given().auth().oauth2(administrator)
                .queryParam("daterange", "2026-01-10").queryParam("user_id", "42").queryParam("colour", "red")
                .queryParam("phone_number__includes", "12").queryParam("active_only", "yes")
                .when().get("/api/v2/calls.json")
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.find { it.field_name == 'daterange' }.error", equalTo("invalid"))
                .body("details.fields.find { it.field_name == 'user_id' }.description", equalTo("must be a UUID"))
                .body("details.fields.find { it.field_name == 'colour' }.error", equalTo("unknown"))
                .body("details.fields.find { it.field_name == 'phone_number__includes' }.description",
                        equalTo("is an advanced search parameter: send advanced_search=1 with it"))
                .body("details.fields.find { it.field_name == 'active_only' }.error", equalTo("invalid"));
    }

    @Test
    void pagesOfLimitCallsLinkToTheNextPageKeepingTheQueryAndTheLastPageHasTheTotal() {
        List<UUID> calls = storeFive();

        JsonPath first = page(administrator, "/api/v2/calls.json?tenant_id=" + tenant + "&limit=2");
        assertEquals(strings(calls.subList(0, 2)), first.getList("calls.call_id"));
        assertEquals("/api/v2/calls.json?tenant_id=" + tenant + "&limit=2&start=2", first.getString("next_url"));
        assertNull(first.get("total"));

        JsonPath second = page(administrator, first.getString("next_url"));
        assertEquals(strings(calls.subList(2, 4)), second.getList("calls.call_id"));
        JsonPath last = page(administrator, second.getString("next_url"));
        assertEquals(strings(calls.subList(4, 5)), last.getList("calls.call_id"));
        assertNull(last.get("next_url"));
        assertEquals(5, last.getInt("total"));
    }

    @Test
    void maxTotalCalcCountsMatchingCallsUpToStartPlusN() {
        storeFive();

        assertEquals(3, page(administrator, "/api/v2/calls.json?limit=2&max_total_calc=3").getInt("total"));
        JsonPath counted = page(administrator, "/api/v2/calls.json?limit=2&start=2&max_total_calc=1000");
        assertEquals(5, counted.getInt("total"));
        assertEquals("/api/v2/calls.json?limit=2&start=4&max_total_calc=1000", counted.getString("next_url"));
    }

    @Test
    void sortOrderIsBySetupTimeNewestFirstUnlessAscendingTiesByCallId() {
        UUID early = store(TestCalls.call(tenant, "2026-03-01T09:00:00Z"));
        UUID tieA = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        UUID tieB = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        // PostgreSQL orders uuids by their bytes, as their text sorts (Java's compareTo uses signed numbers)
        List<UUID> ties = tieA.toString().compareTo(tieB.toString()) < 0 ? List.of(tieA, tieB) : List.of(tieB, tieA);

        assertEquals(List.of(ties.get(1), ties.get(0), early), ids(administrator, Map.of()));
        assertEquals(List.of(ties.get(1), ties.get(0), early), ids(administrator, Map.of("sort_order", "desc")));
        assertEquals(List.of(early, ties.get(0), ties.get(1)), ids(administrator, Map.of("sort_order", "asc")));
        given().auth().oauth2(administrator).queryParam("sort_order", "newest").when().get("/api/v2/calls.json")
                .then().statusCode(400).body("details.fields[0].field_name", equalTo("sort_order"));
    }

    @Test
    void listedCallsAreWholeCallObjects() {
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("from_number", "100")
                .participant(null, "100").file("/recordings/a.mp3"));

        given().auth().oauth2(administrator).when().get("/api/v2/calls.json")
                .then().statusCode(200)
                .body("calls[0].call_id", equalTo(call.toString()))
                .body("calls[0].from_number", equalTo("100"))
                .body("calls[0].to_number", nullValue())
                .body("calls[0].participants.party_number", hasItem("100"))
                .body("calls[0].files[0].file_path", equalTo("/recordings/a.mp3"));
    }

    @Test
    void basicAndAdvancedSearchesAreTimedEachByItsKind() {
        Map<String, String> basic = Map.of("kind", "calls_simple", "service", "call-service");
        Map<String, String> advanced = Map.of("kind", "calls_advanced", "service", "call-service");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);

        given().auth().oauth2(administrator).when().get("/api/v2/calls.json").then().statusCode(200);
        ScrapedMetrics afterBasic = ScrapedMetrics.of(metrics);
        given().auth().oauth2(administrator).queryParam("advanced_search", 1)
                .when().get("/api/v2/calls.json").then().statusCode(200);
        ScrapedMetrics afterAdvanced = ScrapedMetrics.of(metrics);

        assertEquals(1, afterBasic.value("parley_search_seconds_count", basic)
                - before.value("parley_search_seconds_count", basic));
        assertEquals(before.value("parley_search_seconds_count", advanced),
                afterBasic.value("parley_search_seconds_count", advanced));
        assertEquals(1, afterAdvanced.value("parley_search_seconds_count", advanced)
                - afterBasic.value("parley_search_seconds_count", advanced));
        assertTrue(afterAdvanced.sum("parley_search_seconds_bucket", Map.of("kind", "calls_advanced", "le", "+Inf"))
                .isPresent(), "histogram buckets, for percentiles over every instance");
    }

    private List<UUID> storeFive() {
        return List.of(5, 4, 3, 2, 1).stream()
                .map(day -> store(TestCalls.call(tenant, "2026-03-0" + day + "T10:00:00Z"))).toList();
    }

    private UUID store(TestCalls.Call call) {
        return call.store(dataSource);
    }

    private static List<UUID> ids(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v2/calls.json")
                .then().statusCode(200).extract().jsonPath().getList("calls.call_id", String.class).stream()
                .map(UUID::fromString).toList();
    }

    private static JsonPath page(String token, String url) {
        return given().auth().oauth2(token).urlEncodingEnabled(false).when().get(url).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
