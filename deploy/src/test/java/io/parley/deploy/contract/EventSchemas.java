package io.parley.deploy.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event schemas of {@code contract/events/} (docs/asyncapi.md), each bundled: every {@code $ref}, to another
 * schema or to a component of {@code contract/openapi.json}, replaced by what it refers to, so that a schema is
 * compared with its release whole, whichever file a change was made in.
 */
final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Deeper than any schema nests; a reference cycle stops here instead of looping. */
    private static final int MAX_DEPTH = 64;

    private final Map<Path, JsonNode> files = new HashMap<>();

    /** Every schema under {@code directory}, by its path there ({@code call.events/call.created.v1.json}), bundled. */
    static Map<String, JsonNode> bundled(Path directory) {
        EventSchemas schemas = new EventSchemas();
        Map<String, JsonNode> bundled = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(path -> path.toString().endsWith(".json")).forEach(path -> bundled.put(
                    directory.relativize(path).toString().replace('\\', '/'), schemas.bundle(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundled;
    }

    /** The schema in {@code file}, its references replaced. */
    JsonNode bundle(Path file) {
        return resolve(read(file), file.toAbsolutePath().normalize(), 0);
    }

    private JsonNode resolve(JsonNode node, Path file, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("References nest too deep (a cycle?) in " + file);
        }
        if (node.isObject() && node.has("$ref")) {
            String reference = node.path("$ref").asString();
            int hash = reference.indexOf('#');
            String path = hash < 0 ? reference : reference.substring(0, hash);
            String pointer = hash < 0 ? "" : reference.substring(hash + 1);
            Path target = path.isEmpty() ? file : file.resolveSibling(path).normalize();
            JsonNode referred = read(target).at(pointer);
            if (referred.isMissingNode()) {
                throw new IllegalStateException(file + " refers to " + reference + ", which does not exist");
            }
            // draft-07: the keywords beside a $ref are ignored, so the reference stands for the whole schema
            return resolve(referred, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), resolve(field.getValue(), file, depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            return JSON.createArrayNode().addAll(node.valueStream().map(value -> resolve(value, file, depth + 1))
                    .toList());
        }
        return node;
    }

    private JsonNode read(Path file) {
        return files.computeIfAbsent(file, path -> JSON.readTree(path.toFile()));
    }
}
