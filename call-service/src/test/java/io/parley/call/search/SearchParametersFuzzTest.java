package io.parley.call.search;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import io.parley.call.Callers;
import io.parley.call.TestCalls;
import io.parley.common.embedded.fuzz.ApiErrorShape;
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
        String caller = Callers.system(TENANT, Callers.CALLS);
        ApiErrorShape.assertEachAnswered(300, data -> given().auth().oauth2(caller).queryParams(search(data))
                .when().get("/api/v2/calls.json"));
        given().auth().oauth2(caller).queryParam("advanced_search", "1").queryParam("phone_number__includes", "1")
                .when().get("/api/v2/calls.json").then().statusCode(200);
    }

    /** One to four parameters, mostly of the advanced search, with values near valid ones. */
    private static Map<String, String> search(FuzzedDataProvider data) {
        Map<String, String> search = new LinkedHashMap<>(Map.of("advanced_search", "1"));
        for (int i = data.consumeInt(1, 4); i > 0; i--) {
            String name = switch (data.consumeInt(0, 4)) {
                case 0, 1 -> data.pickValue(PARAMETERS) + "__" + data.pickValue(OPERATORS);
                case 2 -> data.pickValue(PAGING);
                case 3 -> data.pickValue(PARAMETERS);
                default -> Mutations.ofText(data, List.of("phone_number__includes", "date__between"), List.of("__"));
            };
            String value = switch (data.consumeInt(0, 3)) {
                case 0 -> Mutations.ofText(data, VALUES, List.of("/", " - ", "T", "+", "\\"));
                case 1 -> data.consumeString(30);
                case 2 -> data.pickValue(VALUES);
                default -> String.valueOf(data.consumeInt());
            };
            search.put(name, value);
        }
        return search;
    }

    private void storeCalls() {
        TestCalls.call(TENANT, "2026-03-01T10:00:00Z").set("from_number", "1234").set("to_name", "Emy")
                .set("cisco_nearend_refci", "R1").set("disconnect_time", "2026-03-01T10:01:10Z")
                .set("ended_at", "2026-03-01T10:01:10Z").participant(null, "1234").file("/recordings/a.wav")
                .store(dataSource);
        TestCalls.call(TENANT, "2026-03-02T10:00:00Z").set("from_number", "555-0100").store(dataSource);
    }
}
