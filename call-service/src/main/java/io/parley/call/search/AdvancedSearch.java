package io.parley.call.search;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.parley.common.api.error.FieldErrors;
import io.parley.common.sql.Sql;

/**
 * The advanced search of reference 3.1.4: {@code PARAM__OPERATOR=VALUE} of Tables 1 and 2, e.g.
 * {@code phone_number__includes=1234}.
 */
final class AdvancedSearch {

    static final String SEPARATOR = "__";

    private AdvancedSearch() {
    }

    /** @throws InvalidValueException when the value cannot be read */
    static Optional<Sql> condition(String name, String value, ZoneId zone, FieldErrors errors) {
        int separator = name.indexOf(SEPARATOR);
        Optional<Attribute> attribute = separator <= 0 ? Optional.empty()
                : Attributes.named(name.substring(0, separator));
        if (attribute.isEmpty()) {
            errors.add(name, "unknown", "is not a search parameter: the advanced search takes PARAM__OPERATOR=VALUE,"
                    + " PARAM one of reference 3.1.4, Table 1");
            return Optional.empty();
        }
        Type type = attribute.get().type();
        String operator = operator(name);
        if (!type.operators().contains(operator)) {
            errors.add(name, "unknown", "'" + operator + "' is not an operator of a " + type.wireName()
                    + " parameter: use one of " + type.operators());
            return Optional.empty();
        }
        return Optional.of(Comparisons.condition(attribute.get(), operator, value, zone));
    }

    /**
     * A parameter's comparison as lookups in several indexes, any of which a call meets
     * ({@link Comparisons#indexLookups}).
     */
    static List<Sql> indexLookups(String name, String value) {
        return Comparisons.indexLookups(attribute(name), operator(name), value);
    }

    /** Whether a parameter this search takes matches part of a text ({@link Comparisons#matchesPartOfText}). */
    static boolean matchesPartOfText(String name, String value) {
        return Comparisons.matchesPartOfText(attribute(name), operator(name), value);
    }

    /** The attribute of a parameter this search takes. */
    private static Attribute attribute(String name) {
        return Attributes.named(name.substring(0, name.indexOf(SEPARATOR))).orElseThrow();
    }

    private static String operator(String name) {
        return name.substring(name.indexOf(SEPARATOR) + SEPARATOR.length());
    }
}
