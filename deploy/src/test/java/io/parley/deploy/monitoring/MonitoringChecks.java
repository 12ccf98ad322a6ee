package io.parley.deploy.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus' and Grafana's own libraries, run with Node.js from {@code deploy/src/test/node} (its package.json and
 * package-lock.json pin them; {@code npm ci} installs them on first use): PromQL checked by the grammar and linter of
 * Prometheus' web UI, a dashboard by the Dashboard type of {@code @grafana/schema}. Without Node.js, outside CI, the
 * checks are skipped, saying so; in CI ({@code CI=true}) that is a failure.
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
            if (!Files.exists(checks.resolve("node_modules/.package-lock.json"))) {
                install(checks, work);
            }
            Path requestFile = work.resolve("request.json");
            JSON.writeValue(requestFile.toFile(), Map.of(
                    "expressions", request.expressions().entrySet().stream()
                            .map(entry -> Map.of("where", entry.getKey(), "expr", entry.getValue())).toList(),
                    "dashboards", request.dashboards().entrySet().stream()
                            .map(entry -> Map.of("where", entry.getKey(), "path", entry.getValue().toString()))
                            .toList()));
            Path answer = work.resolve("answer.json");
            run(checks, answer, "node", "check-monitoring.cjs", requestFile.toString());
            JsonNode tree = JSON.readTree(answer.toFile());
            return new Answer(
                    tree.path("expressions").valueStream().map(node -> new Expression(node.path("where").asString(),
                            strings(node.path("problems")), strings(node.path("metrics")))).toList(),
                    tree.path("dashboards").valueStream().map(node -> new Dashboard(node.path("where").asString(),
                            strings(node.path("problems")))).toList());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run the monitoring checks in " + checks, e);
        }
    }

    /** Installs the libraries the lock file names; skipped outside CI if the registry cannot be reached. */
    private static void install(Path checks, Path work) throws IOException {
        try {
            run(checks, work.resolve("npm-ci.log"), "npm", "ci", "--no-audit", "--no-fund");
        } catch (AssertionError e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("npm could not install the checks' libraries (" + e.getMessage()
                    + "). Skipped: not in CI (CI=true makes it a failure)");
        }
    }

    /** Runs a command in {@code directory}, its output to {@code output}; fails with its errors if it fails. */
    private static void run(Path directory, Path output, String... command) throws IOException {
        Path errors = Files.createTempFile("monitoring-checks", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
        } catch (IOException e) {
            Files.delete(errors);
            String reason = "The alert rules and the dashboard are checked with Prometheus' and Grafana's libraries"
                    + " on Node.js, whose " + command[0] + " could not be run (" + e.getMessage()
                    + "): install Node.js 20 or later";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            // a machine with only a JDK still runs every other test; CI, which has Node.js, always checks
            Assumptions.abort(reason + ". Skipped: not in CI (CI=true makes it a failure)");
            return;
        }
        try {
            int exit = process.waitFor();
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " in " + directory + " failed (exit " + exit
                        + "): " + stderr);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command[0], e);
        } finally {
            Files.delete(errors);
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
