package io.parley.deploy.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.parley.common.embedded.NodeProject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus' and Grafana's own libraries, run with Node.js from the npm project {@code deploy/src/test/node}: PromQL
 * checked by the grammar and linter of Prometheus' web UI, a dashboard by the Dashboard type of
 * {@code @grafana/schema}.
 */
final class MonitoringChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to check: a name saying where each item is, and the item. */
    record Request(Map<String, String> expressions, Map<String, Path> dashboards) {
    }

    /** The problems found in an expression (none when it is valid) and the metrics it selects. */
    record Expression(String where, List<String> problems, List<String> metrics) {
    }

    /** The problems found in a dashboard; none when Grafana's type takes it. */
    record Dashboard(String where, List<String> problems) {
    }

    record Answer(List<Expression> expressions, List<Dashboard> dashboards) {

        Expression expression(String where) {
            return expressions.stream().filter(expression -> expression.where().equals(where)).findFirst()
                    .orElseThrow();
        }

        Dashboard dashboard(String where) {
            return dashboards.stream().filter(dashboard -> dashboard.where().equals(where)).findFirst().orElseThrow();
        }
    }

    private MonitoringChecks() {
    }

    static Answer check(Path repository, Request request) {
        Path checks = repository.resolve("deploy/src/test/node");
        Path work = repository.resolve("deploy/target/monitoring-checks");
        try {
            Files.createDirectories(work);
            Path requestFile = work.resolve("request.json");
            JSON.writeValue(requestFile.toFile(), Map.of(
                    "expressions", request.expressions().entrySet().stream()
                            .map(entry -> Map.of("where", entry.getKey(), "expr", entry.getValue())).toList(),
                    "dashboards", request.dashboards().entrySet().stream()
                            .map(entry -> Map.of("where", entry.getKey(), "path", entry.getValue().toString()))
                            .toList()));
            JsonNode tree = JSON.readTree(new NodeProject(checks,
                    "the checks of the alert rules and the dashboard")
                    .run(List.of("node", "check-monitoring.cjs", requestFile.toString())));
            return new Answer(
                    tree.path("expressions").valueStream().map(node -> new Expression(node.path("where").asString(),
                            strings(node.path("problems")), strings(node.path("metrics")))).toList(),
                    tree.path("dashboards").valueStream().map(node -> new Dashboard(node.path("where").asString(),
                            strings(node.path("problems")))).toList());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run the monitoring checks in " + checks, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running the monitoring checks", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
