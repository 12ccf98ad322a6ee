package io.parley.deploy.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a schema may replace the one released under the same version (docs/asyncapi.md, "Evolution"): a structural
 * comparison of two bundled JSON Schemas, which names each change that breaks a party written for the released one.
 * Which changes break depends on who reads: for the events Parley publishes, its consumers read, so the new schema
 * must describe nothing the released one did not ({@link Reader#CONSUMERS}); on {@code recording.events} Parley reads
 * what recorders write, so the new schema must take everything the released one took ({@link Reader#PARLEY}). In both,
 * a property stays once released: consumers use it, and recorders send it.
 */
final class SchemaCompatibility {

    /** Who reads the data a schema describes. */
    enum Reader {
        /** Consumers of Parley's events: the new schema may only narrow the released one. */
        CONSUMERS("a consumer written for the released schema"),
        /** Parley, reading what recorders write: the new schema may only widen the released one. */
        PARLEY("a recorder written for the released schema");

        private final String party;

        Reader(String party) {
            this.party = party;
        }
    }

    private SchemaCompatibility() {
    }

    /** The changes from {@code released} to {@code current} that break the party {@code reader} names: none if none. */
    static List<String> breaks(JsonNode released, JsonNode current, Reader reader) {
        List<String> breaks = new ArrayList<>();
        compare(released, current, reader, "", breaks);
        return breaks;
    }

    private static void compare(JsonNode releasedSchema, JsonNode currentSchema, Reader reader, String path,
            List<String> breaks) {
        JsonNode released = nullableForm(releasedSchema);
        JsonNode current = nullableForm(currentSchema);
        // what the new data may hold must lie within what the party handles: the narrower and the wider of the two
        JsonNode narrower = reader == Reader.CONSUMERS ? current : released;
        JsonNode wider = reader == Reader.CONSUMERS ? released : current;
        String at = path.isEmpty() ? "(root)" : path;
        Set<String> narrowerTypes = types(narrower);
        Set<String> widerTypes = types(wider);
        if (!widerTypes.isEmpty() && !covers(widerTypes, narrowerTypes)) {
            breaks.add(at + ": type " + types(released) + " became " + types(current) + ", which " + reader.party
                    + " does not handle");
        }
        if (wider.has("enum") || wider.has("const")) {
            Set<String> allowed = values(wider);
            Set<String> given = values(narrower);
            if (given.isEmpty() || !allowed.containsAll(given)) {
                breaks.add(at + ": the values " + values(released) + " became " + (current.has("enum")
                        || current.has("const") ? values(current) : "any value") + ", which " + reader.party
                        + " does not handle");
            }
        }
        Set<String> mustHold = strings(wider.path("required"));
        mustHold.removeAll(strings(narrower.path("required")));
        for (String property : mustHold) {
            breaks.add(at + ": " + property + (reader == Reader.CONSUMERS ? " is no longer required, which "
                    : " is newly required, which ") + reader.party
                    + (reader == Reader.CONSUMERS
                            ? " relies on"
                            : " may not send"));
        }
        bound(narrower, wider, "minimum", true, released, current, reader, at, breaks);
        bound(narrower, wider, "minLength", true, released, current, reader, at, breaks);
        bound(narrower, wider, "minItems", true, released, current, reader, at, breaks);
        bound(narrower, wider, "maximum", false, released, current, reader, at, breaks);
        bound(narrower, wider, "maxLength", false, released, current, reader, at, breaks);
        bound(narrower, wider, "maxItems", false, released, current, reader, at, breaks);
        for (String keyword : List.of("pattern", "format")) {
            if (wider.has(keyword) && !wider.path(keyword).equals(narrower.path(keyword))) {
                breaks.add(at + ": " + keyword + " " + released.path(keyword) + " became " + shown(current, keyword)
                        + ", which " + reader.party + " does not handle");
            }
        }
        released.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            String child = path.isEmpty() ? name : path + "." + name;
            if (!current.path("properties").has(name)) {
                breaks.add(child + ": removed, while " + reader.party + " may use it");
            } else {
                compare(property.getValue(), current.path("properties").path(name), reader, child, breaks);
            }
        });
        if (released.has("items") && current.has("items")) {
            compare(released.path("items"), current.path("items"), reader, path + "[]", breaks);
        }
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode before = released.path(combination);
            JsonNode after = current.path(combination);
            if (before.size() != after.size()) {
                if (!before.isMissingNode() || !after.isMissingNode()) {
                    breaks.add(at + ": " + combination + " of " + before.size() + " became " + after.size()
                            + " schemas: a new version");
                }
            } else {
                for (int i = 0; i < before.size(); i++) {
                    compare(before.get(i), after.get(i), reader, path + "(" + combination + " " + i + ")", breaks);
                }
            }
        }
    }

    /** {@code anyOf: [X, {type: null}]}, the API's form of a nullable value, read as X that also takes null. */
    private static JsonNode nullableForm(JsonNode schema) {
        JsonNode anyOf = schema.path("anyOf");
        if (anyOf.size() == 2 && anyOf.get(1).size() == 1 && anyOf.get(1).path("type").asString().equals("null")
                && anyOf.get(0).isObject()) {
            ObjectNode merged = (ObjectNode) anyOf.get(0).deepCopy();
            Set<String> types = types(merged);
            if (!types.isEmpty()) {
                types.add("null");
                ArrayNode array = merged.putArray("type");
                types.forEach(array::add);
            }
            if (merged.has("enum")) {
                merged.withArray("enum").addNull();
            }
            return merged;
        }
        return schema;
    }

    private static void bound(JsonNode narrower, JsonNode wider, String keyword, boolean lower, JsonNode released,
            JsonNode current, Reader reader, String at, List<String> breaks) {
        if (!wider.has(keyword)) {
            return;
        }
        BigDecimal limit = wider.path(keyword).decimalValue();
        boolean within = narrower.has(keyword) && (lower ? narrower.path(keyword).decimalValue().compareTo(limit) >= 0
                : narrower.path(keyword).decimalValue().compareTo(limit) <= 0);
        if (!within) {
            breaks.add(at + ": " + keyword + " " + shown(released, keyword) + " became " + shown(current, keyword)
                    + ", which " + reader.party + " does not handle");
        }
    }

    /** A keyword's value in a message: {@code none} where the schema has none. */
    private static String shown(JsonNode schema, String keyword) {
        return schema.has(keyword) ? schema.path(keyword).toString() : "none";
    }

    /** The types a schema names; an integer is also a number. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new LinkedHashSet<>();
        if (type.isString()) {
            types.add(type.asString());
        } else {
            type.valueStream().forEach(value -> types.add(value.asString()));
        }
        return types;
    }

    private static boolean covers(Set<String> wider, Set<String> narrower) {
        return narrower.stream().allMatch(type -> wider.contains(type) || type.equals("integer")
                && wider.contains("number"));
    }

    private static Set<String> values(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        if (schema.has("const")) {
            values.add(schema.path("const").toString());
        }
        schema.path("enum").valueStream().forEach(value -> values.add(value.toString()));
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new LinkedHashSet<>();
        array.valueStream().forEach(value -> strings.add(value.asString()));
        return strings;
    }
}
