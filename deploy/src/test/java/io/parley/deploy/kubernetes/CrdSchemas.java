package io.parley.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operators' CustomResourceDefinitions vendored in {@code k8s-crds/} (Strimzi, CloudNativePG, KEDA, Prometheus
 * Operator; their
 * sources in its README), and validation of custom resources against them as the API server does it: by the
 * {@code openAPIV3Schema} of the served version the object's {@code apiVersion} names, as a structural schema. Such a
 * schema refuses a field it does not declare unless {@code x-kubernetes-preserve-unknown-fields} keeps them, takes an
 * integer or a string where {@code x-kubernetes-int-or-string} says so, and {@code null} where {@code nullable} does.
 * CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class CrdSchemas {

    /** The vendored files, one CustomResourceDefinition each. */
    static final List<String> FILES = List.of("strimzi-kafka.yaml", "strimzi-kafkanodepool.yaml",
            "strimzi-kafkatopic.yaml", "strimzi-kafkauser.yaml", "cnpg-clusters.yaml", "keda-scaledobjects.yaml",
            "keda-triggerauthentications.yaml", "prometheus-operator-podmonitors.yaml",
            "prometheus-operator-prometheusrules.yaml");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** By group and kind: the definition's versions. */
    private final Map<String, JsonNode> definitions = new HashMap<>();
    private final Map<String, Schema> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    public static CrdSchemas vendored() {
        CrdSchemas crds = new CrdSchemas();
        for (String file : FILES) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream("/k8s-crds/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("k8s-crds/" + file + " is missing from the test resources");
                }
                for (ObjectNode crd : RenderedOverlay.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .objects()) {
                    JsonNode spec = crd.path("spec");
                    crds.definitions.put(key(spec.path("group").asString(), spec.path("names").path("kind").asString()),
                            spec.path("versions"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not read k8s-crds/" + file, e);
            }
        }
        return crds;
    }

    /** Whether one of the vendored definitions defines the object's group and kind. */
    public boolean defines(JsonNode object) {
        return definitions.containsKey(key(groupOf(object), RenderedOverlay.kindOf(object)));
    }

    /** What the API server would refuse in the object: empty when it is valid. */
    public List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String key = key(groupOf(object), RenderedOverlay.kindOf(object));
        JsonNode versions = definitions.get(key);
        if (versions == null) {
            return List.of(RenderedOverlay.describe(object) + ": no vendored CustomResourceDefinition defines "
                    + apiVersion + " " + RenderedOverlay.kindOf(object));
        }
        Optional<JsonNode> served = versions.valueStream()
                .filter(v -> v.path("name").asString("").equals(version) && v.path("served").asBoolean(false))
                .findFirst();
        if (served.isEmpty()) {
            return List.of(RenderedOverlay.describe(object) + ": " + apiVersion + " is not a served version of "
                    + RenderedOverlay.kindOf(object) + " (served: " + versions.valueStream()
                            .filter(v -> v.path("served").asBoolean(false)).map(v -> v.path("name").asString()).toList()
                    + ")");
        }
        Schema schema = schemas.computeIfAbsent(key + "/" + version,
                k -> REGISTRY.getSchema(structural(served.get().path("schema").path("openAPIV3Schema"))));
        return schema.validate(object).stream()
                .map(error -> RenderedOverlay.describe(object) + ": " + error.getInstanceLocation() + " "
                        + error.getMessage())
                .toList();
    }

    /**
     * The definition's schema as JSON Schema 2020-12 with the API server's rules for structural schemas made explicit.
     */
    static JsonNode structural(JsonNode openApiSchema) {
        ObjectNode schema = (ObjectNode) openApiSchema.deepCopy();
        convert(schema, false);
        return schema;
    }

    /**
     * @param constraint within {@code allOf}, {@code anyOf}, {@code oneOf} or {@code not}, where Kubernetes reads
     *        {@code properties} as a constraint on the fields declared elsewhere, not as the fields allowed
     */
    private static void convert(JsonNode node, boolean constraint) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.set("type", NODES.arrayNode().add("integer").add("string"));
        }
        if (schema.path("x-kubernetes-embedded-resource").asBoolean(false) && schema.has("properties")) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
            properties.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
            properties.putIfAbsent("metadata", NODES.objectNode().put("type", "object"));
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isString()) {
            schema.set("type", NODES.arrayNode().add(schema.path("type").asString()).add("null"));
        }
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown && !constraint) {
            schema.put("additionalProperties", false);
        }
        schema.remove("nullable");
        schema.remove("format");
        schema.propertyNames().stream().filter(name -> name.startsWith("x-kubernetes-")).toList()
                .forEach(schema::remove);
        schema.path("properties").valueStream().forEach(property -> convert(property, constraint));
        convert(schema.path("items"), constraint);
        convert(schema.path("additionalProperties"), constraint);
        convert(schema.path("not"), true);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.path(combinator) instanceof ArrayNode alternatives) {
                alternatives.valueStream().forEach(alternative -> convert(alternative, true));
            }
        }
    }

    private static String groupOf(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }
}
