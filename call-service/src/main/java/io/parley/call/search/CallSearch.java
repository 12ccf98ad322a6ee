package io.parley.call.search;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.parley.common.api.error.FieldErrors;
import io.parley.common.sql.Sql;

/**
 * What a request to {@code GET /api/v2/calls.json} searches for (reference 3.1.4): the basic search, or with
 * {@code advanced_search=1} the advanced one, every parameter combined with AND; and the order, {@code sort_order}
 * {@code desc} (default) or {@code asc} by setup time. Every parameter that cannot be served is named in one
 * {@code 400}.
 *
 * @param condition what the calls that match must be, apart from the parts of their texts
 * @param textParts what parts of their texts must be, where the planner cannot tell how many calls match
 *        ({@link Comparisons#matchesPartOfText}): {@code search_term}, {@code PARAM__includes} and the like
 * @param indexLookups the first parameter that is a lookup in several indexes ({@link Comparisons#indexLookups}),
 *        one condition per index, any of which a match meets; empty when there is none. Another such parameter is a
 *        condition.
 * @param regexes the {@code regex} values by parameter, for the database to check before it searches
 * @param advanced whether it is the advanced search, for its latency to be measured apart
 */
public record CallSearch(Sql condition, Sql textParts, List<Sql> indexLookups,
        List<Regex> regexes, boolean ascending, boolean advanced) {

    /** A {@code PARAM__regex} parameter's pattern (PostgreSQL's regular expressions). */
    public record Regex(String parameter, String pattern) {
    }

    /** Parameters of every list ({@code PageRequest}) and the switches read here. */
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "start", "max_total_calc", "sort_order",
            "advanced_search");

    /** @param zone the caller's timezone, where days begin and end */
    public static CallSearch of(MultivaluedMap<String, String> query, ZoneId zone) {
        FieldErrors errors = new FieldErrors();
        boolean advanced = flag(query, "advanced_search", errors);
        boolean ascending = ascending(query, errors);
        List<Sql> conditions = new ArrayList<>();
        List<Sql> textParts = new ArrayList<>();
        List<Sql> indexLookups = List.of();
        List<Regex> regexes = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (LIST_PARAMETERS.contains(name)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    errors.invalid(name, "must not contain NUL characters");
                    continue;
                }
                try {
                    Optional<Sql> condition = advanced ? AdvancedSearch.condition(name, value, zone, errors)
                            : BasicSearch.condition(name, value, zone, errors);
                    if (condition.isEmpty()) {
                        continue;
                    }
                    List<Sql> lookups = advanced && indexLookups.isEmpty()
                            ? AdvancedSearch.indexLookups(name, value)
                            : List.of();
                    if (!lookups.isEmpty()) {
                        indexLookups = lookups;
                    } else if (advanced ? AdvancedSearch.matchesPartOfText(name, value)
                            : BasicSearch.matchesPartOfText(name, value)) {
                        textParts.add(condition.get());
                    } else {
                        conditions.add(condition.get());
                    }
                    if (advanced && name.endsWith(AdvancedSearch.SEPARATOR + "regex")) {
                        regexes.add(new Regex(name, value));
                    }
                } catch (InvalidValueException e) {
                    errors.invalid(name, e.getMessage());
                }
            }
        }
        errors.throwIfAny();
        return new CallSearch(Sql.all(conditions), Sql.all(textParts), indexLookups, regexes,
                ascending, advanced);
    }

    private static boolean flag(MultivaluedMap<String, String> query, String name, FieldErrors errors) {
        String value = query.getFirst(name);
        if (value == null || value.isEmpty() || value.equals("0")) {
            return false;
        }
        if (!value.equals("1")) {
            errors.invalid(name, "must be 1 or 0");
        }
        return true;
    }

    private static boolean ascending(MultivaluedMap<String, String> query, FieldErrors errors) {
        String value = query.getFirst("sort_order");
        if (value == null || value.isEmpty() || value.equals("desc")) {
            return false;
        }
        if (!value.equals("asc")) {
            errors.invalid("sort_order", "must be asc or desc");
        }
        return true;
    }
}
