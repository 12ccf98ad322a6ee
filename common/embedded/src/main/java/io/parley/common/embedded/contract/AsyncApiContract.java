package io.parley.common.embedded.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document of Parley's topics ({@code contract/asyncapi.yaml}, docs/asyncapi.md), and the check that a
 * Kafka record is one of the messages it describes: the channel of the record's topic, the message of the event's
 * {@code type} and {@code dataversion}, its payload schema (the CloudEvents envelope and the JSON Schema of
 * {@code data}, which refers to the public API's components in {@code contract/openapi.json}), its headers and its key.
 * Objects are read strictly: a property the contract does not name is an error, so that a field a producer renames or
 * adds without the contract fails its test, while the published schemas stay open for consumers.
 */
public final class AsyncApiContract {

    /** Where the contract's files are registered for their relative {@code $ref}s to resolve; never fetched. */
    private static final String BASE = "https://parley.invalid/contract/";
    private static final String DOCUMENT = "asyncapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A message of a channel: where its payload, headers and key schemas are in the document. */
    private record Message(String name, String payload, String headers, Optional<String> key) {
    }

    private final SchemaRegistry registry;
    /** By topic, then by {@code type} and {@code dataversion} ({@code call.created 1}; none for recorder events). */
    private final Map<String, Map<String, Message>> channels = new HashMap<>();

    private AsyncApiContract(Map<String, JsonNode> files) {
        JsonNode document = files.get(DOCUMENT);
        document.path("channels").values().forEach(channel -> {
            Map<String, Message> messages = channels.computeIfAbsent(channel.path("address").asString(),
                    address -> new HashMap<>());
            channel.path("messages").values().forEach(reference -> {
                String pointer = reference.path("$ref").asString().substring(1);
                JsonNode message = document.at(pointer);
                messages.put(selectorOf(payloadSchema(files, message.path("payload"))),
                        new Message(message.path("name").asString(),
                                pointer + "/payload", pointer + "/headers", keyOf(document, message, pointer)));
            });
        });
        Map<String, String> texts = new HashMap<>();
        files.forEach((path, tree) -> {
            strict(tree);
            texts.put(BASE + path, JSON.writeValueAsString(tree));
        });
        this.registry = SchemaRegistry.withDialect(Dialects.getDraft7(), builder -> builder.schemas(texts));
    }

    /** The contract of the repository this test runs in: its {@code contract/} directory. */
    public static AsyncApiContract ofRepository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("contract").resolve(DOCUMENT))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No contract/" + DOCUMENT + " above " + Path.of("").toAbsolutePath());
        }
        return of(directory.resolve("contract"));
    }

    /** The contract in {@code directory}: its AsyncAPI document, the OpenAPI document and every event schema. */
    public static AsyncApiContract of(Path directory) {
        Map<String, JsonNode> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(directory.resolve("events"))) {
            files.put(DOCUMENT, YAML.readTree(directory.resolve(DOCUMENT).toFile()));
            files.put("openapi.json", JSON.readTree(directory.resolve("openapi.json").toFile()));
            for (Path path : paths.filter(path -> path.toString().endsWith(".json")).toList()) {
                files.put(directory.relativize(path).toString().replace('\\', '/'), JSON.readTree(path.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contract in " + directory, e);
        }
        return new AsyncApiContract(files);
    }

    /** What is wrong with {@code record} by the contract: empty if nothing. */
    public List<String> violations(ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Map<String, Message> messages = channels.get(record.topic());
        if (messages == null) {
            return List.of(where + ": the contract has no channel for topic " + record.topic());
        }
        JsonNode value;
        try {
            value = JSON.readTree(record.value() == null ? "" : record.value());
        } catch (JacksonException e) {
            return List.of(where + ": the value is not JSON");
        }
        Message message = messages.get(selector(value.path("type").asString(), value.path("dataversion")));
        if (message == null) {
            return List.of(where + ": " + record.topic() + " has no message of type " + value.path("type")
                    + " and dataversion " + value.path("dataversion") + " (" + messages.keySet() + ")");
        }
        List<String> violations = new ArrayList<>();
        validate(message.payload(), value, where + " " + message.name() + " value", violations);
        validate(message.headers(), headers(record), where + " " + message.name() + " headers", violations);
        message.key().ifPresent(key -> validate(key, JsonNodeFactory.instance.stringNode(record.key()),
                where + " " + message.name() + " key", violations));
        if (value.has("subject") && !value.path("subject").asString().equals(record.key())) {
            violations.add(where + " " + message.name() + ": subject is not the record's key");
        }
        return violations;
    }

    /** The {@code type} of each record's event; {@code (not JSON)} for a record that is none. */
    public static Set<String> typesOf(List<ConsumerRecord<String, String>> records) {
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                types.add(JSON.readTree(record.value()).path("type").asString());
            } catch (JacksonException e) {
                types.add("(not JSON)");
            }
        }
        return types;
    }

    /** Fails, naming what is wrong, unless the contract describes every one of {@code records}. */
    public void assertDescribe(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            throw new AssertionError("No records to check");
        }
        List<String> violations = records.stream().flatMap(record -> violations(record).stream()).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("Records the contract (contract/" + DOCUMENT + ") does not describe:\n"
                    + String.join("\n", violations));
        }
    }

    private void validate(String pointer, JsonNode instance, String what, List<String> violations) {
        registry.getSchema(SchemaLocation.of(BASE + DOCUMENT + "#" + pointer)).validate(instance)
                .forEach(error -> violations.add(what + " " + error.getInstanceLocation() + ": "
                        + error.getMessage()));
    }

    /** How a message is told apart from the others of its channel: its {@code type} and {@code dataversion}. */
    private static String selector(String type, JsonNode dataVersion) {
        return type + " " + (dataVersion.isMissingNode() ? "-" : dataVersion.asString());
    }

    /** The {@code type} and {@code dataversion} a payload schema fixes: in the envelope's narrowing, or its own. */
    private static String selectorOf(JsonNode payload) {
        JsonNode properties = payload.path("allOf").valueStream().map(part -> part.path("properties"))
                .filter(part -> part.has("type")).findFirst().orElse(payload.path("properties"));
        return selector(properties.path("type").path("const").asString(), properties.path("dataversion").path("const"));
    }

    /** A payload schema, or the schema file it refers to (relative to the document). */
    private static JsonNode payloadSchema(Map<String, JsonNode> files, JsonNode payload) {
        String reference = payload.path("$ref").asString("");
        if (reference.isEmpty() || reference.startsWith("#")) {
            return payload;
        }
        JsonNode file = files.get(reference);
        if (file == null) {
            throw new IllegalStateException(DOCUMENT + " refers to " + reference + ", which is not in the contract");
        }
        return file;
    }

    private static Optional<String> keyOf(JsonNode document, JsonNode message, String pointer) {
        JsonNode bindings = message.path("bindings");
        String at = pointer + "/bindings";
        if (bindings.has("$ref")) {
            at = bindings.path("$ref").asString().substring(1);
            bindings = document.at(at);
        }
        return bindings.path("kafka").has("key") ? Optional.of(at + "/kafka/key") : Optional.empty();
    }

    /** The record's headers as an object, each by its last value, read as UTF-8. */
    private static ObjectNode headers(ConsumerRecord<String, String> record) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? ""
                    : new String(header.value(),
                            StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * Every object schema that names its properties and says nothing of others takes no others; except a part of an
     * {@code allOf}, which names only the properties it narrows (a message's type, source, dataversion and data),
     * while the envelope it is combined with names them all.
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("properties").isObject()
                && !object.has("additionalProperties") && isObjectType(object.path("type"))) {
            object.put("additionalProperties", false);
        }
        node.properties().forEach(field -> {
            if (field.getKey().equals("allOf")) {
                field.getValue().values().forEach(part -> part.values().forEach(AsyncApiContract::strict));
            } else {
                strict(field.getValue());
            }
        });
        if (node.isArray()) {
            node.values().forEach(AsyncApiContract::strict);
        }
    }

    private static boolean isObjectType(JsonNode type) {
        return type.isString() ? type.asString().equals("object")
                : type.isArray() && type.valueStream().anyMatch(value -> value.asString().equals("object"));
    }
}
