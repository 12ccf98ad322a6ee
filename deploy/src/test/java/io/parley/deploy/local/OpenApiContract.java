package io.parley.deploy.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.restassured.response.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public API's OpenAPI document as the gateway serves it ({@code GET /openapi}), and the check that an answer of
 * the platform is one it describes: the operation (path template and method), the status code, the media type, and
 * a JSON body against the response's schema, read as JSON Schema 2020-12 with OpenAPI 3.1's vocabulary. Objects are
 * read strictly: a property the document does not name is an error, so that a field renamed or added in the code and
 * not in the document fails, as does a documented required field the answer lacks.
 */
final class OpenApiContract {

    /** Where the document is registered for its {@code $ref}s to resolve; never fetched. */
    private static final String DOCUMENT = "https://parley.invalid/openapi.json";
    private static final String ANSWERS = "x-contract-answers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode document;
    private final SchemaRegistry registry;
    /** By operation and status ({@code GET /api/v2/users.json 200}): the key of the answer's JSON schema. */
    private final Map<String, String> answerSchemas = new HashMap<>();
    /** Every JSON example of a request or an answer, by where it is, with the key of the schema it must meet. */
    private final Map<String, Example> examples = new LinkedHashMap<>();

    private record Example(String schemaKey, JsonNode value) {
    }

    private OpenApiContract(ObjectNode document) {
        this.document = document;
        ObjectNode answers = ((ObjectNode) document.path("components")).putObject(ANSWERS);
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = key(operation.getKey(), path.getKey(), "");
            collect(answers, where + "request", operation.getValue().path("requestBody"));
            operation.getValue().path("responses").properties().forEach(response -> {
                String key = collect(answers, where + response.getKey(), resolve(response.getValue()));
                if (key != null) {
                    answerSchemas.put(key(operation.getKey(), path.getKey(), response.getKey()), key);
                }
            });
        }));
        strict(document);
        String text = JSON.writeValueAsString(document);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT, text)));
    }

    /** The document the gateway serves, fetched as JSON. */
    static OpenApiContract servedBy(LocalPlatform platform) {
        return of(given().queryParam("format", "json").when().get(platform.serviceUrl("gateway") + "/openapi")
                .then().statusCode(200).extract().asString());
    }

    static OpenApiContract of(String json) {
        return new OpenApiContract((ObjectNode) JSON.readTree(json));
    }

    /** What is wrong with {@code response}, the answer to {@code method path}, by the document: empty if nothing. */
    List<String> violations(String method, String path, Response response) {
        String verb = method.toLowerCase();
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of(method + " " + path + ": no path of the document matches");
        }
        JsonNode operation = document.path("paths").path(template.get()).path(verb);
        if (operation.isMissingNode()) {
            return List.of(method + " " + template.get() + ": the document has no such operation");
        }
        String status = Integer.toString(response.statusCode());
        JsonNode documented = operation.path("responses").path(status);
        if (documented.isMissingNode()) {
            return List.of(method + " " + template.get() + " answered " + status + ", which the document does not list"
                    + " for it: " + response.asString());
        }
        JsonNode content = resolve(documented).path("content");
        String body = response.asString();
        if (body.isEmpty()) {
            return List.of();
        }
        String mediaType = response.contentType().split(";")[0].trim();
        if (content.isMissingNode() || !describes(content, mediaType)) {
            return List.of(method + " " + template.get() + " " + status + " answered " + mediaType
                    + ", which the document does not list: " + content);
        }
        if (!mediaType.equals("application/json")) {
            return List.of();
        }
        String key = answerSchemas.get(key(verb, template.get(), status));
        assertNotNull(key, "no JSON schema for " + method + " " + template.get() + " " + status);
        List<Error> errors = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/" + ANSWERS + "/" + key))
                .validate(JSON.readTree(body));
        return errors.stream().map(error -> method + " " + template.get() + " " + status + ": "
                + error.getInstanceLocation() + " " + error.getMessage()).toList();
    }

    /**
     * What is wrong with the document's own JSON examples, each read as an answer is: against its media type's schema,
     * strictly. Empty if nothing.
     */
    List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        examples.forEach((where, example) -> registry
                .getSchema(SchemaLocation.of(DOCUMENT + "#/components/" + ANSWERS + "/" + example.schemaKey()))
                .validate(example.value())
                .forEach(error -> violations.add(where + ": " + error.getInstanceLocation() + " "
                        + error.getMessage())));
        return violations;
    }

    /** How many JSON examples the document holds. */
    int examples() {
        return examples.size();
    }

    /**
     * Registers the JSON schema of a request body or response ({@code body}) under a key of its own, with its
     * examples; the key, or null when it has no JSON content.
     */
    private String collect(ObjectNode answers, String where, JsonNode body) {
        JsonNode json = body.path("content").path("application/json");
        JsonNode schema = json.path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String key = "answer-" + answers.size();
        answers.set(key, schema.deepCopy());
        json.path("examples").properties().forEach(example -> examples.put(where + " example " + example.getKey(),
                new Example(key, resolveExample(example.getValue()).path("value"))));
        return key;
    }

    /** An example, or the shared example it refers to. */
    private JsonNode resolveExample(JsonNode example) {
        JsonNode ref = example.path("$ref");
        return ref.isMissingNode() ? example : document.at(ref.asString().substring(1));
    }

    /** Fails, naming what is wrong, unless the document describes {@code response}. */
    void assertDescribes(String method, String path, Response response) {
        assertEquals(List.of(), violations(method, path, response));
    }

    /** The path template that matches a request path: the path itself, or one with {@code {parameters}}. */
    private Optional<String> template(String path) {
        if (document.path("paths").has(path)) {
            return Optional.of(path);
        }
        return document.path("paths").propertyNames().stream()
                .filter(template -> Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))
                        .matcher(path).matches())
                .findFirst();
    }

    private static boolean describes(JsonNode content, String mediaType) {
        return content.has(mediaType) || content.has(mediaType.substring(0, mediaType.indexOf('/')) + "/*")
                || content.has("*/*");
    }

    /** A response, or the shared response it refers to ({@code #/components/responses/NotFound}). */
    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.path("$ref");
        return ref.isMissingNode() ? response : document.at(ref.asString().substring(1));
    }

    /** Every object schema that names its properties takes no others. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && isObjectType(object.path("type"))) {
                object.put("additionalProperties", false);
            }
        }
        node.values().forEach(OpenApiContract::strict);
    }

    private static boolean isObjectType(JsonNode type) {
        return type.isString() ? type.asString().equals("object")
                : type.isArray() && type.valueStream().anyMatch(value -> value.asString().equals("object"));
    }

    private static String key(String method, String template, String status) {
        return method + " " + template + " " + status;
    }
}
