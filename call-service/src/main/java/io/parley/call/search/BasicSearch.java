package io.parley.call.search;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.parley.common.api.error.FieldErrors;
import io.parley.common.sql.Sql;

/**
 * The basic search of reference 3.1.4: each parameter is a fixed comparison on one attribute ({@code daterange} the
 * days of the call's setup in the caller's timezone, {@code search_term} part of a phone number or name, the ids
 * exact). An empty parameter filters nothing.
 */
final class BasicSearch {

    private record Comparison(Attribute attribute, String operator) {
    }

    private static final Map<String, Comparison> PARAMETERS = Map.of(
            "user_id", advanced("user_id", "is"),
            "user_login", new Comparison(Attributes.USER_LOGIN, "is"),
            "group_id", advanced("group_id", "is"),
            "tenant_id", advanced("tenant_id", "is"),
            "category_id", advanced("category_id", "is"),
            "search_term", new Comparison(Attributes.SEARCH_TERM, "includes"),
            "broadworks_user_id", advanced("broadworks_user_id", "equal_to"),
            "broadworks_group_id", advanced("broadworks_group_id", "equal_to"));

    private BasicSearch() {
    }

    /** @throws InvalidValueException when the value cannot be read */
    static Optional<Sql> condition(String name, String value, ZoneId zone, FieldErrors errors) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        if (name.equals("daterange")) {
            return Optional.of(Comparisons.condition(Attributes.named("date").orElseThrow(),
                    value.contains("-") ? "between" : "equal_to", value, zone));
        }
        if (name.equals("active_only")) {
            return activeOnly(name, value, errors);
        }
        Comparison comparison = PARAMETERS.get(name);
        if (comparison == null) {
            errors.add(name, "unknown", name.contains("__")
                    ? "is an advanced search parameter: send advanced_search=1 with it"
                    : "is not a parameter of the basic search");
            return Optional.empty();
        }
        return Optional.of(Comparisons.condition(comparison.attribute(), comparison.operator(), value, zone));
    }

    /** Whether a parameter matches part of a text ({@link Comparisons#matchesPartOfText}): {@code search_term}. */
    static boolean matchesPartOfText(String name, String value) {
        Comparison comparison = PARAMETERS.get(name);
        return comparison != null
                && Comparisons.matchesPartOfText(comparison.attribute(), comparison.operator(), value);
    }

    /** A call is active until the recorder reports it ended. */
    private static Optional<Sql> activeOnly(String name, String value, FieldErrors errors) {
        return switch (value.strip()) {
            case "1" -> Optional.of(Sql.of("c.ended_at IS NULL"));
            case "0" -> Optional.empty();
            default -> {
                errors.invalid(name, "must be 1 or 0");
                yield Optional.empty();
            }
        };
    }

    private static Comparison advanced(String attribute, String operator) {
        return new Comparison(Attributes.named(attribute).orElseThrow(), operator);
    }
}
