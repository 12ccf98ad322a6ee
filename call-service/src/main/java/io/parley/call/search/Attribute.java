package io.parley.call.search;

import java.util.List;
import java.util.function.Function;

/**
 * A search attribute (reference 3.1.4, Table 1): its name, its type (Table 2), where its values are, and how a
 * {@code set} or {@code string_exact} value given for it is read (an id is a UUID, a state one of its codes).
 */
record Attribute(String name, Type type, Target target, Function<String, Object> values) {

    static Attribute of(String name, Type type, Target target) {
        return new Attribute(name, type, target, value -> value);
    }

    static Attribute ids(String name, Target target) {
        return new Attribute(name, Type.SET, target, SearchValues::uuid);
    }

    static Attribute codes(String name, Target target, List<Integer> codes) {
        return new Attribute(name, Type.SET, target, value -> SearchValues.code(value, codes));
    }
}
