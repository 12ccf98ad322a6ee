package io.parley.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.fabric8.kubernetes.api.model.LabelSelector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks fail when a manifest breaks a rule: each test changes one thing in a copy of a rendered overlay (the
 * fixture and every overlay of the repository) and expects the rule to report it, naming the object.
 */
class KubernetesMutationsTest {

    @TestFactory
    Stream<DynamicTest> aMissingReadinessProbeIsReported() {
        return mutated(overlay -> container(overlay, "call-service").remove("readinessProbe"),
                ManifestRules::probes, "call-service", "has no readinessProbe");
    }

    @TestFactory
    Stream<DynamicTest> anImageTheBuildDoesNotMakeIsReported() {
        return mutated(overlay -> container(overlay, "call-service").put("image", "registry.example.com/parley/calls:1"),
                ManifestRules::images, "call-service", "not the image parley/call-service the build makes");
    }

    @TestFactory
    Stream<DynamicTest> aProbeOnTheApiPortIsReported() {
        return mutated(overlay -> ((ObjectNode) container(overlay, "crypto-service").path("livenessProbe")
                .path("httpGet")).put("port", 8083), ManifestRules::probes, "crypto-service",
                "not the management port");
    }

    @TestFactory
    Stream<DynamicTest> aMissingMemoryLimitIsReported() {
        return mutated(overlay -> ((ObjectNode) container(overlay, "directory-service").path("resources")
                .path("limits")).remove("memory"), ManifestRules::resources, "directory-service",
                "has no memory limit");
    }

    @TestFactory
    Stream<DynamicTest> aWritableRootFilesystemIsReported() {
        return mutated(overlay -> ((ObjectNode) container(overlay, "gateway").path("securityContext"))
                .put("readOnlyRootFilesystem", false), ManifestRules::securityContexts, "gateway",
                "readOnlyRootFilesystem is not true");
    }

    @TestFactory
    Stream<DynamicTest> aMisspelledFieldIsReported() {
        return mutated(overlay -> {
            ObjectNode container = container(overlay, "gateway");
            container.set("readinesProbe", container.remove("readinessProbe"));
        }, ManifestRules::apiTypes, "gateway", "readinesProbe");
    }

    @TestFactory
    Stream<DynamicTest> aNumberForAStringIsReported() {
        return mutated(overlay -> ((ArrayNode) container(overlay, "call-service").withArray("env"))
                .addObject().put("name", "PARLEY_INGEST_CONSUMERS").put("value", 4),
                ManifestRules::apiTypes, "call-service", "value");
    }

    @TestFactory
    Stream<DynamicTest> aMisspelledFieldOfACustomResourceIsReported() {
        return mutated(overlay -> ((ObjectNode) overlay.ofKind("KafkaTopic").get(0).path("spec"))
                .put("partiton", 3), ManifestRules::customResources, "KafkaTopic", "partiton");
    }

    @TestFactory
    Stream<DynamicTest> aMissingMinInsyncReplicasIsReported() {
        return mutated(overlay -> ((ObjectNode) overlay.ofKind("KafkaTopic").get(0).path("spec").path("config"))
                .remove("min.insync.replicas"), ManifestRules::kafkaTopicSettings, "KafkaTopic",
                "min.insync.replicas unstated");
    }

    @TestFactory
    Stream<DynamicTest> aSecretValueInTheEnvironmentIsReported() {
        return mutated(overlay -> ((ArrayNode) container(overlay, "crypto-service").withArray("env")).addObject()
                .put("name", "PARLEY_CRYPTO_MASTER_KEY").put("value", "c2VjcmV0LW1hc3Rlci1rZXk="),
                ManifestRules::secretValues, "crypto-service", "PARLEY_CRYPTO_MASTER_KEY");
    }

    @TestFactory
    Stream<DynamicTest> aCommittedSecretIsReported() {
        return mutated(overlay -> {
        }, ManifestRules::secretValues, "Secret",
                "committed with values",
                overlay -> new RenderedOverlay(overlay.name(), Stream.concat(overlay.objects().stream(), Stream.of(
                        RenderedOverlay.parse("secret", """
                                apiVersion: v1
                                kind: Secret
                                metadata:
                                  name: parley-root
                                stringData:
                                  password: parley-dev
                                """).objects().get(0))).toList()));
    }

    @TestFactory
    Stream<DynamicTest> callServiceExposedByALoadBalancerIsReported() {
        return mutated(overlay -> serviceSelecting(overlay, "call-service").put("type", "LoadBalancer"),
                ManifestRules::exposure, "Service", "exposes pods other than the gateway's");
    }

    @TestFactory
    Stream<DynamicTest> aPolicyLettingAnyoneReachCallServiceIsReported() {
        return mutated(overlay -> {
        }, ManifestRules::networkPolicies, "call-service", "any address",
                overlay -> new RenderedOverlay(overlay.name(), Stream.concat(overlay.objects().stream(), Stream.of(
                        RenderedOverlay.parse("policy", """
                                apiVersion: networking.k8s.io/v1
                                kind: NetworkPolicy
                                metadata:
                                  name: call-service-from-anywhere
                                  namespace: %s
                                spec:
                                  podSelector:
                                    matchLabels: %s
                                  ingress:
                                    - {}
                                """.formatted(namespace(overlay, "call-service"),
                                podLabels(overlay, "call-service"))).objects().get(0)))
                        .toList()));
    }

    /** A metrics scraper's namespace may reach management ports (the overlays let one), never an API port. */
    @TestFactory
    Stream<DynamicTest> aMonitoringNamespaceReachingCallServicesApiPortIsReported() {
        return mutated(overlay -> {
        }, ManifestRules::networkPolicies, "call-service", "monitoring",
                overlay -> new RenderedOverlay(overlay.name(), Stream.concat(overlay.objects().stream(), Stream.of(
                        RenderedOverlay.parse("policy", """
                                apiVersion: networking.k8s.io/v1
                                kind: NetworkPolicy
                                metadata:
                                  name: call-service-api-from-monitoring
                                  namespace: %s
                                spec:
                                  podSelector:
                                    matchLabels: %s
                                  ingress:
                                    - from:
                                        - namespaceSelector:
                                            matchLabels:
                                              kubernetes.io/metadata.name: monitoring
                                      ports:
                                        - port: 8080
                                """.formatted(namespace(overlay, "call-service"),
                                podLabels(overlay, "call-service"))).objects().get(0)))
                        .toList()));
    }

    @TestFactory
    Stream<DynamicTest> aTopicKeptShorterThanTheDedupeWindowIsReported() {
        return mutated(overlay -> config(overlay, "call.events").put("retention.ms", "3600000"),
                ManifestRules::topicsOfServices, "call.events", "deduplication window");
    }

    @TestFactory
    Stream<DynamicTest> anUncompactedDirectoryTopicIsReported() {
        return mutated(overlay -> config(overlay, "directory.events").put("cleanup.policy", "delete"),
                ManifestRules::topicsOfServices, "directory.events", "cleanup.policy=compact");
    }

    @TestFactory
    Stream<DynamicTest> aLargerOutboxRecordThanTopicsTakeIsReported() {
        return mutated(overlay -> ((ArrayNode) container(overlay, "directory-service").withArray("env")).addObject()
                .put("name", "PARLEY_OUTBOX_MAX_RECORD_SIZE").put("value", "64M"),
                ManifestRules::topicsOfServices, "KafkaTopic", "less than the outbox sends (67108864)");
    }

    @TestFactory
    Stream<DynamicTest> aLargerOutboxRecordSetInAConfigMapIsReported() {
        return mutated(overlay -> ((ArrayNode) container(overlay, "directory-service").withArray("envFrom"))
                .addObject().putObject("configMapRef").put("name", "directory-service-limits"),
                ManifestRules::topicsOfServices, "KafkaTopic", "less than the outbox sends (67108864)",
                overlay -> new RenderedOverlay(overlay.name(), Stream.concat(overlay.objects().stream(), Stream.of(
                        RenderedOverlay.parse("limits", """
                                apiVersion: v1
                                kind: ConfigMap
                                metadata:
                                  name: directory-service-limits
                                data:
                                  PARLEY_OUTBOX_MAX_RECORD_SIZE: 64M
                                """).objects().get(0))).toList()));
    }

    @TestFactory
    Stream<DynamicTest> aMissingDeadLetterTopicIsReported() {
        return mutated(overlay -> {
        }, ManifestRules::topicsOfServices, "directory.events.dlq.crypto-service", "No KafkaTopic creates",
                overlay -> new RenderedOverlay(overlay.name(), overlay.objects().stream()
                        .filter(object -> !"directory.events.dlq.crypto-service".equals(topicName(object))).toList()));
    }

    @TestFactory
    Stream<DynamicTest> scalingBeyondThePartitionsIsReported() {
        return mutated(overlay -> ((ObjectNode) overlay.ofKind("ScaledObject").get(0).path("spec"))
                .put("maxReplicaCount", 1000), ManifestRules::lagScaling, "ScaledObject", "partitions of");
    }

    @TestFactory
    Stream<DynamicTest> aMissingDisruptionBudgetIsReported() {
        return mutated(overlay -> {
        }, ManifestRules::disruptionBudgets, "gateway", "has no PodDisruptionBudget",
                overlay -> new RenderedOverlay(overlay.name(), overlay.objects().stream()
                        .filter(object -> !("PodDisruptionBudget".equals(RenderedOverlay.kindOf(object))
                                && selects(object.path("spec").path("selector"), podLabels(overlay, "gateway"))))
                        .toList()));
    }

    @TestFactory
    Stream<DynamicTest> metricsScrapedOnTheApiPortAreReported() {
        return mutated(overlay -> overlay.ofKind("PodMonitor").forEach(monitor -> monitor.path("spec")
                .path("podMetricsEndpoints").valueStream().forEach(endpoint -> ((ObjectNode) endpoint).put("port",
                        "http"))),
                ManifestRules::metricsScraped, "call-service", "has no PodMonitor scraping /q/metrics");
    }

    @TestFactory
    Stream<DynamicTest> aMisspelledFieldOfAPrometheusRuleIsReported() {
        return mutated(overlay -> overlay.ofKind("PrometheusRule").forEach(rule -> ((ObjectNode) rule.path("spec")
                .path("groups").path(0).path("rules").path(0)).put("expresion", "up == 0")),
                ManifestRules::customResources, "PrometheusRule", "expresion");
    }

    /** The rule, on a copy of each overlay changed by {@code change}, reports {@code expected} about the object. */
    private static Stream<DynamicTest> mutated(Consumer<RenderedOverlay> change,
            Function<ManifestRules, List<String>> rule, String object, String expected) {
        return mutated(change, rule, object, expected, Function.identity());
    }

    private static Stream<DynamicTest> mutated(Consumer<RenderedOverlay> change,
            Function<ManifestRules, List<String>> rule, String object, String expected,
            Function<RenderedOverlay, RenderedOverlay> reshape) {
        return OverlaysUnderTest.all().stream().map(original -> DynamicTest.dynamicTest(original.name(), () -> {
            RenderedOverlay copy = reshape.apply(original.copy(original.name() + " (changed)"));
            change.accept(copy);
            List<String> findings = rule.apply(OverlaysUnderTest.rules(copy));
            assertTrue(findings.stream().anyMatch(finding -> finding.contains(object) && finding.contains(expected)),
                    "Expected a finding about " + object + " saying \"" + expected + "\", got " + findings);
        }));
    }

    /** The first container of the Deployment that runs a service (labelled with its name, or named so). */
    private static ObjectNode container(RenderedOverlay overlay, String service) {
        return (ObjectNode) deployment(overlay, service).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private static ObjectNode deployment(RenderedOverlay overlay, String service) {
        return overlay.ofKind("Deployment").stream()
                .filter(object -> service.equals(object.path("metadata").path("labels")
                        .path(ManifestRules.NAME_LABEL).asString(RenderedOverlay.nameOf(object))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay.name() + " has no Deployment of " + service));
    }

    private static JsonNode podLabels(RenderedOverlay overlay, String service) {
        return deployment(overlay, service).path("spec").path("template").path("metadata").path("labels");
    }

    private static String namespace(RenderedOverlay overlay, String service) {
        return deployment(overlay, service).path("metadata").path("namespace").asString("default");
    }

    private static ObjectNode serviceSelecting(RenderedOverlay overlay, String service) {
        JsonNode labels = podLabels(overlay, service);
        return (ObjectNode) overlay.ofKind("Service").stream()
                .filter(object -> object.path("spec").path("selector").isObject()
                        && object.path("spec").path("selector").properties().stream()
                                .allMatch(entry -> entry.getValue().equals(labels.path(entry.getKey()))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay.name() + " has no Service selecting " + service))
                .path("spec");
    }

    private static ObjectNode config(RenderedOverlay overlay, String topic) {
        return (ObjectNode) overlay.ofKind("KafkaTopic").stream().filter(object -> topic.equals(topicName(object)))
                .findFirst().orElseThrow(() -> new AssertionError(overlay.name() + " has no KafkaTopic " + topic))
                .path("spec").path("config");
    }

    private static String topicName(JsonNode object) {
        return "KafkaTopic".equals(RenderedOverlay.kindOf(object))
                ? object.path("spec").path("topicName").asString(RenderedOverlay.nameOf(object))
                : null;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        Map<String, String> labelMap = new LinkedHashMap<>();
        labels.properties().forEach(label -> labelMap.put(label.getKey(), label.getValue().asString()));
        return ManifestRules.matches(KubernetesModel.read(selector, LabelSelector.class), labelMap);
    }
}
