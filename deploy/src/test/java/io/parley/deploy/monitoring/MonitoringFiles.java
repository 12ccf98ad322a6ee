package io.parley.deploy.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What operators load into Prometheus and Grafana, as committed in {@code deploy/kubernetes/base/monitoring}: the
 * alert rules (a PrometheusRule) and the dashboard; and what docs/operations.md promises about them: the metrics they
 * may use and a section per alert.
 */
public record MonitoringFiles(Path repository) {

    static final String MONITORING = "deploy/kubernetes/base/monitoring";
    static final String OPERATIONS = "docs/operations.md";

    /**
     * Grafana's variables as Grafana replaces them before a query reaches Prometheus: the rate interval by a
     * duration, a variable by a value.
     */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "5m", "$__interval", "1m",
            "$__range", "6h", "$namespace", "parley");
    /** A template variable's query: Grafana's {@code label_values(metric, label)}, not PromQL itself. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((?:([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*)?"
            + "([a-zA-Z_][a-zA-Z0-9_]*)\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Path alertsFile() {
        return repository.resolve(MONITORING).resolve("alerts.yaml");
    }

    Path dashboardFile() {
        return repository.resolve(MONITORING).resolve("dashboard.json");
    }

    /** Each alert's expression by the alert's name. */
    Map<String, String> alertExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        alertRules().forEach(rule -> expressions.put(rule.path("alert").asString(), rule.path("expr").asString()));
        return expressions;
    }

    /** Each alert's runbook_url annotation by the alert's name. */
    Map<String, String> runbooks() {
        Map<String, String> runbooks = new LinkedHashMap<>();
        alertRules().forEach(rule -> runbooks.put(rule.path("alert").asString(),
                rule.path("annotations").path("runbook_url").asString("")));
        return runbooks;
    }

    /**
     * Every query of the dashboard's panels, by panel title and query id, with Grafana's variables replaced as
     * Grafana does; a query without an expression is kept empty, which no check takes.
     */
    Map<String, String> dashboardExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        dashboard().path("panels").valueStream().forEach(panel -> panel.path("targets").valueStream()
                .forEach(target -> expressions.put(panel.path("title").asString() + " " + target.path("refId")
                        .asString(), grafanaReplaced(target.path("expr").asString("")))));
        return expressions;
    }

    /** The metrics the dashboard's template variables read their values from ({@code label_values}). */
    Set<String> variableMetrics() {
        Set<String> metrics = new TreeSet<>();
        dashboard().path("templating").path("list").valueStream().filter(v -> v.path("type").asString().equals("query"))
                .forEach(variable -> {
                    JsonNode query = variable.path("query");
                    Matcher matcher = LABEL_VALUES.matcher(query.isObject() ? query.path("query").asString()
                            : query.asString());
                    if (!matcher.matches()) {
                        throw new AssertionError("Variable " + variable.path("name").asString()
                                + " is not a label_values(metric, label) query: " + query);
                    }
                    if (matcher.group(1) != null) {
                        metrics.add(matcher.group(1));
                    }
                });
        return metrics;
    }

    /**
     * The metrics docs/operations.md lists under "Metrics": every name in backticks in the first column of its table.
     */
    public Set<String> documentedMetrics() {
        Set<String> metrics = new TreeSet<>();
        boolean inSection = false;
        for (String line : operations().lines().toList()) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Metrics");
            } else if (inSection && line.startsWith("| `")) {
                Matcher names = BACKTICKED.matcher(line.split("\\|")[1]);
                while (names.find()) {
                    metrics.add(names.group(1));
                }
            }
        }
        return metrics;
    }

    /** The anchors of docs/operations.md's headings, as GitHub makes them ({@code ### ParleyDeadLetters}). */
    Set<String> operationsAnchors() {
        Set<String> anchors = new TreeSet<>();
        operations().lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase()
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .forEach(anchors::add);
        return anchors;
    }

    private List<JsonNode> alertRules() {
        JsonNode rule = read(alertsFile(), YAML);
        if (!rule.path("kind").asString().equals("PrometheusRule")) {
            throw new AssertionError(alertsFile() + " is not a PrometheusRule");
        }
        return rule.path("spec").path("groups").valueStream()
                .flatMap(group -> group.path("rules").valueStream()).filter(r -> r.has("alert")).toList();
    }

    private JsonNode dashboard() {
        return read(dashboardFile(), JSON);
    }

    private String operations() {
        try {
            return Files.readString(repository.resolve(OPERATIONS));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + OPERATIONS, e);
        }
    }

    private static String grafanaReplaced(String expression) {
        String replaced = expression;
        for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
            replaced = replaced.replace(variable.getKey(), variable.getValue());
        }
        return replaced;
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        return mapper.readTree(file.toFile());
    }
}
