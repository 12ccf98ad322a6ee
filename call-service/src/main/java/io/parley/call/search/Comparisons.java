package io.parley.call.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import io.parley.call.search.SearchValues.Range;
import io.parley.common.sql.Sql;

/**
 * Turns one {@code PARAM__OPERATOR=VALUE} into a condition on calls, with the operators of reference 3.1.4, Table 2.
 * Text comparisons: {@code equal_to}, {@code is} exact; {@code starts_with}, {@code ends_with}, {@code includes},
 * {@code pattern} in any case; {@code regex} PostgreSQL's {@code ~}. A negative operator ({@code not_equal_to},
 * {@code is_not}, {@code is_empty}, {@code is_false}) holds exactly where its positive one does not, a value that is
 * not there included. For an attribute with several values (both phone numbers, every participant), a positive
 * operator holds when any value matches.
 */
final class Comparisons {

    /**
     * Text operators that match part of a text. Indexes find their calls, but the planner can tell neither how many
     * calls a part matches nor where in time they are (the first digits of a number belong to calls of every day);
     * {@link CallQuery} plans for that.
     */
    static final Set<String> PARTIAL_TEXT = Set.of("starts_with", "includes", "ends_with", "pattern", "regex");

    /**
     * The phone number columns, each with a B-tree that finds a whole number or a beginning written without letters
     * and holds what a page of calls is ordered by (V9): the planner can tell how many calls such a value matches,
     * and reads them from the index alone.
     */
    private static final Set<String> NUMBERS_INDEXED = Set.of("c.from_number", "c.to_number");

    private Comparisons() {
    }

    /**
     * @param operator one of {@code attribute.type().operators()}
     * @param zone where dates begin and end: the caller's timezone
     * @throws InvalidValueException when the value cannot be read
     */
    static Sql condition(Attribute attribute, String operator, String value, ZoneId zone) {
        return switch (attribute.type()) {
            case STRING -> string(attribute.target(), operator, value);
            case STRING_EXACT, SET -> exact(attribute, operator, value);
            case NUMBER -> number(attribute.target(), operator, value);
            case DATE -> date(attribute.target(), operator, value, zone);
            case DATETIME -> dateTime(attribute.target(), operator, value, zone);
            case DURATION -> duration(attribute.target(), operator, value);
            case BOOL -> bool(attribute.target(), operator);
        };
    }

    /**
     * Whether {@code operator} matches part of a text ({@link #PARTIAL_TEXT}) in a way the planner cannot estimate:
     * every one but a number's beginning looked up in the number indexes.
     */
    static boolean matchesPartOfText(Attribute attribute, String operator, String value) {
        return PARTIAL_TEXT.contains(operator) && !numberLookup(attribute, operator, value);
    }

    /**
     * The comparison on each column of a several-column attribute ({@code phone_number}: {@code from_number} or
     * {@code to_number}), when each is a lookup in the column's number index: a call matches when it meets any of
     * them, and the calls of each are read from its index alone, where the comparison on both columns at once would
     * read every match from the table. Empty for any other comparison.
     */
    static List<Sql> indexLookups(Attribute attribute, String operator, String value) {
        List<String> columns = attribute.target().expressions();
        return columns.size() > 1 && numberLookup(attribute, operator, value)
                ? columns.stream().map(column -> string(Target.columns(column), operator, value)).toList()
                : List.of();
    }

    /** A whole number or its beginning without letters, on phone number columns: found in their B-trees. */
    private static boolean numberLookup(Attribute attribute, String operator, String value) {
        return (operator.equals("equal_to") || operator.equals("starts_with") && !hasLetters(value))
                && attribute.target().related() == null
                && NUMBERS_INDEXED.containsAll(attribute.target().expressions());
    }

    private static Sql string(Target target, String operator, String value) {
        String like = like(value);
        return switch (operator) {
            case "equal_to" -> target.any(e -> Sql.of(e + " = ?", value));
            case "not_equal_to" -> target.any(e -> Sql.of(e + " = ?", value)).negate();
            case "starts_with" -> target.any(e -> Sql.of(e + like, literal(value) + "%"));
            case "ends_with" -> target.any(e -> Sql.of(e + like, "%" + literal(value)));
            case "includes" -> target.any(e -> Sql.of(e + like, "%" + literal(value) + "%"));
            // only _ and % are special in a pattern: a backslash stands for itself
            case "pattern" -> target.any(e -> Sql.of(e + like, value.replace("\\", "\\\\")));
            case "regex" -> target.any(e -> Sql.of(e + " ~ ?", value));
            default -> emptiness(target, operator);
        };
    }

    /**
     * In any case: {@code ILIKE}. A value without letters, such as a phone number, has no case, so plain {@code LIKE}
     * finds the same, and its prefix can be looked up in a B-tree index.
     */
    private static String like(String value) {
        return hasLetters(value) ? " ILIKE ?" : " LIKE ?";
    }

    private static boolean hasLetters(String value) {
        return value.chars().anyMatch(Character::isLetter);
    }

    private static Sql exact(Attribute attribute, String operator, String value) {
        Target target = attribute.target();
        return switch (operator) {
            case "is" -> target.any(e -> Sql.of(e + " = ?", attribute.values().apply(value)));
            case "is_not" -> target.any(e -> Sql.of(e + " = ?", attribute.values().apply(value))).negate();
            default -> emptiness(target, operator);
        };
    }

    /** {@code not_empty}: some value is there and not an empty text; {@code is_empty}: none is. */
    private static Sql emptiness(Target target, String operator) {
        Sql present = target.any(e -> Sql.of("COALESCE(CAST(" + e + " AS text), '') <> ''"));
        return switch (operator) {
            case "not_empty" -> present;
            case "is_empty" -> present.negate();
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Sql number(Target target, String operator, String value) {
        return switch (operator) {
            case "equal_to" -> target.any(e -> Sql.of(e + " = ?", SearchValues.number(value)));
            case "not_equal_to" -> target.any(e -> Sql.of(e + " = ?", SearchValues.number(value))).negate();
            case "greater_than" -> target.any(e -> Sql.of(e + " > ?", SearchValues.number(value)));
            case "lower_than" -> target.any(e -> Sql.of(e + " < ?", SearchValues.number(value)));
            case "between" -> between(target, SearchValues.numbers(value));
            case "not_empty" -> target.any(e -> Sql.of(e + " IS NOT NULL"));
            case "is_empty" -> target.any(e -> Sql.of(e + " IS NOT NULL")).negate();
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** Dates are days of the caller's timezone; {@code newer_than} a day is after the whole day. */
    private static Sql date(Target target, String operator, String value, ZoneId zone) {
        return switch (operator) {
            case "equal_to" -> from(target, SearchValues.day(value, zone));
            case "older_than" -> before(target, SearchValues.day(value, zone).first());
            case "newer_than" -> notBefore(target, SearchValues.day(value, zone).last());
            case "between" -> from(target, SearchValues.days(value, zone));
            case "older_than_days" -> before(target, ago(SearchValues.count(value, SearchValues.MAX_DAYS),
                    ChronoUnit.DAYS));
            case "newer_than_days" -> after(target, ago(SearchValues.count(value, SearchValues.MAX_DAYS),
                    ChronoUnit.DAYS));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Sql dateTime(Target target, String operator, String value, ZoneId zone) {
        return switch (operator) {
            case "older_than" -> before(target, SearchValues.dateTime(value, zone));
            case "newer_than" -> after(target, SearchValues.dateTime(value, zone));
            case "between" -> between(target, SearchValues.dateTimes(value, zone));
            case "older_than_minutes" -> before(target, ago(SearchValues.count(value, SearchValues.MAX_MINUTES),
                    ChronoUnit.MINUTES));
            case "newer_than_minutes" -> after(target, ago(SearchValues.count(value, SearchValues.MAX_MINUTES),
                    ChronoUnit.MINUTES));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    /** {@code greater_than} is longer than, {@code lower_than} shorter than (the reference's text swaps them). */
    private static Sql duration(Target target, String operator, String value) {
        return switch (operator) {
            case "greater_than" -> target.any(e -> Sql.of(e + " > ?", SearchValues.duration(value)));
            case "lower_than" -> target.any(e -> Sql.of(e + " < ?", SearchValues.duration(value)));
            case "between" -> between(target, SearchValues.durations(value));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Sql bool(Target target, String operator) {
        Sql isTrue = target.any(e -> Sql.of(e + " IS TRUE"));
        return switch (operator) {
            case "is_true" -> isTrue;
            case "is_false" -> isTrue.negate();
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Sql between(Target target, Range<?> range) {
        return target.any(e -> Sql.of(e + " BETWEEN ? AND ?", range.first(), range.last()));
    }

    /** From the range's first instant (included) to its last (excluded). */
    private static Sql from(Target target, Range<OffsetDateTime> range) {
        return target.any(e -> Sql.of(e + " >= ? AND " + e + " < ?", range.first(), range.last()));
    }

    private static Sql before(Target target, OffsetDateTime instant) {
        return target.any(e -> Sql.of(e + " < ?", instant));
    }

    private static Sql notBefore(Target target, OffsetDateTime instant) {
        return target.any(e -> Sql.of(e + " >= ?", instant));
    }

    private static Sql after(Target target, OffsetDateTime instant) {
        return target.any(e -> Sql.of(e + " > ?", instant));
    }

    private static OffsetDateTime ago(int amount, ChronoUnit unit) {
        return Instant.now().minus(amount, unit).atOffset(ZoneOffset.UTC);
    }

    /** The text as a LIKE literal: its {@code %}, {@code _} and backslashes match themselves. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
