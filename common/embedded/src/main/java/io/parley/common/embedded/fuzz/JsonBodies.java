package io.parley.common.embedded.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies near a valid one, where parsers and validators break: one value replaced by a JSON value of any
 * kind, a property dropped, an unknown one added, or the text itself mutated; each choice read from the fuzz data.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int LONG_TEXT = 70_000;

    private JsonBodies() {
    }

    /** A variant of {@code valid}, a JSON object, as text. */
    public static String around(FuzzedDataProvider data, String valid) {
        JsonNode body = read(valid);
        List<List<Object>> paths = new ArrayList<>();
        collect(body, new ArrayList<>(), paths);
        int variant = data.consumeInt(0, 7);
        if (variant < 4) { // a value replaced
            return write(replaced(body, data.pickValue(paths), value(data, 1)));
        }
        if (variant == 4) { // a property dropped
            List<Object> path = data.pickValue(paths);
            return path.isEmpty() || !(path.get(path.size() - 1) instanceof String) ? write(body)
                    : write(removed(body, path));
        }
        if (variant == 5) { // a property added
            List<Object> path = data.pickValue(paths.stream().filter(p -> at(body, p).isObject()).toList());
            JsonNode copy = body.deepCopy();
            ((ObjectNode) at(copy, path)).set(data.consumeString(20), value(data, 1));
            return write(copy);
        }
        return Mutations.ofText(data, List.of(valid), List.of());
    }

    /** A JSON value of any kind, with the edges of each: huge numbers, long and odd text, nesting. */
    public static JsonNode value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 12 : 10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(data.consumeBoolean());
            case 2 -> NODES.numberNode(data.consumeLong());
            case 3 -> NODES.numberNode(data.consumeInt(-2, 100_000));
            case 4 -> NODES.numberNode(new BigInteger(1, data.consumeBytes(16)).negate());
            case 5 -> NODES.numberNode(data.pickValue(List.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"),
                    new BigDecimal("0.5"))));
            case 6 -> NODES.numberNode(data.consumeRegularDouble());
            case 7 -> NODES.textNode(data.consumeString(40));
            case 8 -> NODES.textNode("x".repeat(data.consumeInt(256, LONG_TEXT)));
            case 9 -> NODES.textNode(data.pickValue(Mutations.TOKENS));
            case 10 -> NODES.textNode(data.consumeAsciiString(30));
            case 11 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    array.add(value(data, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    object.set(data.consumeString(12), value(data, depth - 1));
                }
                yield object;
            }
        };
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        paths.add(List.copyOf(path));
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                path.add(name);
                collect(node.get(name), path, paths);
                path.remove(path.size() - 1);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                collect(node.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }

    private static JsonNode replaced(JsonNode body, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = body.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
        return copy;
    }

    private static JsonNode removed(JsonNode body, List<Object> path) {
        JsonNode copy = body.deepCopy();
        ((ObjectNode) at(copy, path.subList(0, path.size() - 1))).remove((String) path.get(path.size() - 1));
        return copy;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The valid body is not JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
