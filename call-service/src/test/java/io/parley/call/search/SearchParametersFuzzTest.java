package io.parley.call.search;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import io.parley.call.Callers;
import io.parley.call.TestCalls;
import io.parley.common.embedded.fuzz.ApiErrorShape;
import io.parley.common.embedded.fuzz.FuzzInputs;
import io.parley.common.embedded.fuzz.Mutations;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Fuzzes the call search's parameters (reference 3.1.4): parameters of every type with every operator and values near
 * valid ones, with paging and totals, against calls of the caller's tenant. Each search answers or is refused with a
 * 4xx in the API's error shape, never a 5xx, and search goes on answering.
 */
@QuarkusTest
class SearchParametersFuzzTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final List<String> PARAMETERS = List.of("date", "datetime", "duration", "direction", "user_id",
            "tenant_id", "group_id", "phone_number", "phone_name_to", "notes", "notes_count", "call_id", "cisco_refci",
            "confidential", "evaluation_report_status", "evaluation_report_score", "file_path", "voip_protocol");
    private static final List<String> OPERATORS = List.of("equal_to", "not_equal_to", "starts_with", "ends_with",
            "includes", "is_empty", "not_empty", "pattern", "regex", "is", "is_not", "greater_than", "lower_than",
            "between", "older_than", "newer_than", "older_than_days", "newer_than_days", "older_than_minutes",
            "newer_than_minutes", "is_true", "is_false");
    private static final List<String> VALUES = List.of("2026/03/01", "2026/03/01 - 2026/03/02",
            "2026-03-02T10:00:00Z", "2026-03-01T10:00:00.000Z/2026-03-02T10:00:00+0100", "1:30", "0:30 - 00:01:00",
            "30", "2", UUID.randomUUID().toString(), "55%", "5_5-%", "^6[0-9]{2}$", "(a|b)*c", "1");
    private static final List<String> PAGING = List.of("limit", "start", "max_total_calc", "sort_order",
            "advanced_search", "fields");

    @Inject
    DataSource dataSource;

    @Test
    void anySearchAnswersOrIsRefusedInTheErrorShape() {
        storeCalls();
        Arbitrary<String> names = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(PARAMETERS), Arbitraries.of(OPERATORS))
                        .as((parameter, operator) -> parameter + "__" + operator),
                Arbitraries.of(PAGING), Arbitraries.of(PARAMETERS),
                Mutations.ofText(List.of("phone_number__includes", "date__between"), List.of("__")));
        Arbitrary<String> values = Arbitraries.oneOf(Mutations.ofText(VALUES, List.of("/", " - ", "T", "+", "\\")),
                Arbitraries.strings().all().ofMaxLength(30), Arbitraries.of(VALUES),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<Map<String, String>> searches = Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(4)
                .map(parameters -> {
                    Map<String, String> search = new LinkedHashMap<>(Map.of("advanced_search", "1"));
                    search.putAll(parameters);
                    return search;
                });
        String caller = Callers.system(TENANT, Callers.CALLS);
        FuzzInputs.check(searches, 300, search -> ApiErrorShape.assertAnswered(
                given().auth().oauth2(caller).queryParams(search).when().get("/api/v2/calls.json")));
        given().auth().oauth2(caller).queryParam("advanced_search", "1").queryParam("phone_number__includes", "1")
                .when().get("/api/v2/calls.json").then().statusCode(200);
    }

    private void storeCalls() {
        TestCalls.call(TENANT, "2026-03-01T10:00:00Z").set("from_number", "1234").set("to_name", "Emy")
                .set("cisco_nearend_refci", "R1").set("disconnect_time", "2026-03-01T10:01:10Z")
                .set("ended_at", "2026-03-01T10:01:10Z").participant(null, "1234").file("/recordings/a.wav")
                .store(dataSource);
        TestCalls.call(TENANT, "2026-03-02T10:00:00Z").set("from_number", "555-0100").store(dataSource);
    }
}
