package io.parley.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The alert rules and the dashboard load in Prometheus and Grafana: every PromQL expression passes Prometheus' own
 * grammar and linter, the dashboard Grafana's published Dashboard type ({@link MonitoringChecks}); they use only the
 * metrics docs/operations.md lists (the services' contract); and each alert has its section there saying what to do.
 * The checks' own mistakes (a wrong argument type, a syntax error, a misspelled dashboard field, a panel option of
 * the wrong value) are reported, which proves they can fail.
 */
class MonitoringFilesTest {

    private static final String WRONG_TYPE = "a range function over an instant vector";
    private static final String SYNTAX_ERROR = "an unclosed parenthesis";
    private static final String MISSPELLED = "a misspelled dashboard field";
    private static final String UNKNOWN_OPTION = "a tooltip mode no panel has";

    private static final MonitoringFiles FILES = new MonitoringFiles(
            Path.of(System.getProperty("parley.repository", "..")).toAbsolutePath().normalize());

    private static MonitoringChecks.Answer answer;

    /** One run of Node.js for every check: compiling against Grafana's types takes seconds. */
    @BeforeAll
    static void check() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        FILES.alertExpressions().forEach((alert, expr) -> expressions.put("alert " + alert, expr));
        FILES.dashboardExpressions().forEach((query, expr) -> expressions.put("panel " + query, expr));
        expressions.put(WRONG_TYPE, "sum(rate(parley_outbox_parked))");
        expressions.put(SYNTAX_ERROR, "sum(rate(parley_dead_letters_total[5m])");
        Path misspelled = changedDashboard("\"graphTooltip\"", "\"graphTooltips\"");
        Path unknownOption = changedDashboard("\"mode\": \"multi\"", "\"mode\": \"several\"");
        answer = MonitoringChecks.check(FILES.repository(), new MonitoringChecks.Request(expressions,
                Map.of("dashboard", FILES.dashboardFile(), MISSPELLED, misspelled, UNKNOWN_OPTION, unknownOption)));
        Files.delete(misspelled);
        Files.delete(unknownOption);
    }

    /** A copy of the dashboard with the first {@code text} replaced, in a file of its own. */
    private static Path changedDashboard(String text, String replacement) throws IOException {
        String dashboard = Files.readString(FILES.dashboardFile());
        assertTrue(dashboard.contains(text), "The dashboard has no " + text + " to change");
        Path changed = Files.createTempFile("parley-dashboard", ".json");
        Files.writeString(changed, dashboard.replaceFirst(Pattern.quote(text), replacement));
        return changed;
    }

    @TestFactory
    Stream<DynamicTest> everyAlertIsValidPromQl() {
        assertFalse(FILES.alertExpressions().isEmpty(), "No alert in " + FILES.alertsFile());
        return FILES.alertExpressions().keySet().stream().map(alert -> DynamicTest.dynamicTest(alert,
                () -> assertEquals(List.of(), answer.expression("alert " + alert).problems())));
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardQueryIsValidPromQl() {
        assertFalse(FILES.dashboardExpressions().isEmpty(), "No query in " + FILES.dashboardFile());
        return FILES.dashboardExpressions().entrySet().stream().map(query -> DynamicTest.dynamicTest(query.getKey(),
                () -> {
                    assertFalse(query.getValue().isBlank(), "The query has no PromQL expression (expr)");
                    assertEquals(List.of(), answer.expression("panel " + query.getKey()).problems());
                }));
    }

    @Test
    void theDashboardIsAGrafanaDashboard() {
        assertEquals(List.of(), answer.dashboard("dashboard").problems(), FILES.dashboardFile().toString());
    }

    @Test
    void alertsAndDashboardUseOnlyTheDocumentedMetrics() {
        Set<String> documented = FILES.documentedMetrics();
        assertFalse(documented.isEmpty(), MonitoringFiles.OPERATIONS + " lists no metric under \"## Metrics\"");
        Map<String, Set<String>> undocumented = new HashMap<>();
        answer.expressions().stream().filter(e -> e.where().startsWith("alert ") || e.where().startsWith("panel "))
                .forEach(expression -> expression.metrics().stream().filter(metric -> !documented.contains(metric))
                        .forEach(metric -> undocumented.computeIfAbsent(metric, m -> new TreeSet<>())
                                .add(expression.where())));
        FILES.variableMetrics().stream().filter(metric -> !documented.contains(metric)).forEach(
                metric -> undocumented.computeIfAbsent(metric, m -> new TreeSet<>()).add("a template variable"));
        assertEquals(Map.of(), undocumented, "Metrics used but not listed in " + MonitoringFiles.OPERATIONS);
    }

    @Test
    void everyDocumentedMetricIsUsed() {
        Set<String> used = new TreeSet<>(FILES.variableMetrics());
        answer.expressions().stream().filter(e -> e.where().startsWith("alert ") || e.where().startsWith("panel "))
                .forEach(expression -> used.addAll(expression.metrics()));
        Set<String> unused = new TreeSet<>(FILES.documentedMetrics());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "Listed in " + MonitoringFiles.OPERATIONS
                + " but on no panel and in no alert: watch them, or say they are not watched");
    }

    @Test
    void everyAlertSaysWhatToDoInTheOperationsGuide() {
        Set<String> anchors = FILES.operationsAnchors();
        Map<String, String> missing = new LinkedHashMap<>();
        FILES.runbooks().forEach((alert, runbook) -> {
            String expected = MonitoringFiles.OPERATIONS + "#" + alert.toLowerCase();
            if (!runbook.equals(expected) || !anchors.contains(alert.toLowerCase())) {
                missing.put(alert, runbook);
            }
        });
        assertEquals(Map.of(), missing, "Each alert's runbook_url is " + MonitoringFiles.OPERATIONS
                + "#<alert>, a heading there");
    }

    @Test
    void aRangeFunctionOverAnInstantVectorIsReported() {
        assertTrue(answer.expression(WRONG_TYPE).problems().stream().anyMatch(p -> p.contains("expected type matrix")),
                answer.expression(WRONG_TYPE).toString());
    }

    @Test
    void aSyntaxErrorIsReported() {
        assertTrue(answer.expression(SYNTAX_ERROR).problems().stream().anyMatch(p -> p.contains("syntax error")),
                answer.expression(SYNTAX_ERROR).toString());
    }

    @Test
    void aPanelOptionGrafanaDoesNotKnowIsReported() {
        assertTrue(answer.dashboard(UNKNOWN_OPTION).problems().stream().anyMatch(p -> p.contains("\"several\"")),
                answer.dashboard(UNKNOWN_OPTION).toString());
    }

    @Test
    void aMisspelledDashboardFieldIsReported() {
        assertTrue(answer.dashboard(MISSPELLED).problems().stream().anyMatch(p -> p.contains("graphTooltips")),
                answer.dashboard(MISSPELLED).toString());
    }
}
