package io.parley.common.api.condition;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A parsed {@code associate_calls_condition} (reference 3.6.1): comparisons of a call's attributes with quoted
 * strings, combined with {@code AND}, {@code OR} and {@code NOT}. {@link ConditionParser} builds it; call-service
 * evaluates it on each call of no tenant yet ({@link #matches}), in Java, so that no text of a condition ever becomes
 * SQL text.
 * <p>
 * An attribute the call has not reported (yet) is unknown, and the condition is evaluated in three-valued logic, as
 * SQL evaluates {@code NULL}: a comparison of an unknown attribute is {@link Truth#UNKNOWN}, so is its negation, and a
 * call matches only when the condition is {@link Truth#TRUE}. Knowing more of a call never turns a match into a
 * mismatch, so a call is given a tenant only on what it has reported, and a later event that completes its attributes
 * can make it match.
 */
public sealed interface Condition {

    /** The truth of the condition on a call whose call fields, by name, {@code fields} gives ({@code null}: unknown). */
    Truth truth(Function<String, Object> fields);

    /** Whether the condition holds on what is known of the call. */
    default boolean matches(Function<String, Object> fields) {
        return truth(fields) == Truth.TRUE;
    }

    /** Both sides hold. */
    record And(Condition left, Condition right) implements Condition {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public Truth truth(Function<String, Object> fields) {
            Truth first = left.truth(fields);
            return first == Truth.FALSE ? first : first.and(right.truth(fields));
        }
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public Truth truth(Function<String, Object> fields) {
            Truth first = left.truth(fields);
            return first == Truth.TRUE ? first : first.or(right.truth(fields));
        }
    }

    /** The operand does not hold. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand);
        }

        @Override
        public Truth truth(Function<String, Object> fields) {
            return operand.truth(fields).not();
        }
    }

    /**
     * The call's attribute compared with a string: exactly (case-sensitive, as the reference's ids are), but for the
     * hosts of SIP URIs, which compare in any case.
     */
    record Comparison(CallAttribute attribute, Operator operator, String value) implements Condition {
        public Comparison {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
        }

        @Override
        public Truth truth(Function<String, Object> fields) {
            String actual = attribute.valueIn(fields);
            if (actual == null) {
                return Truth.UNKNOWN;
            }
            String expected = attribute.source == CallAttribute.Source.SIP_URI_HOST ? value.toLowerCase(Locale.ROOT)
                    : value;
            return Truth.of(switch (operator) {
                case EQUALS -> actual.equals(expected);
                case NOT_EQUALS -> !actual.equals(expected);
                case STARTS_WITH -> actual.startsWith(expected);
                case ENDS_WITH -> actual.endsWith(expected);
                case CONTAINS -> actual.contains(expected);
            });
        }
    }

    /** How an attribute is compared with a value; {@link #spelling} is how a condition writes it. */
    enum Operator {
        EQUALS("="),
        NOT_EQUALS("!="),
        STARTS_WITH("STARTS WITH"),
        ENDS_WITH("ENDS WITH"),
        CONTAINS("CONTAINS");

        public final String spelling;

        Operator(String spelling) {
            this.spelling = spelling;
        }
    }

    /** Kleene's three truth values: what a condition says of a call of which some attributes are unknown. */
    enum Truth {
        TRUE,
        FALSE,
        UNKNOWN;

        static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }

        Truth and(Truth other) {
            return this == FALSE || other == FALSE ? FALSE : this == TRUE && other == TRUE ? TRUE : UNKNOWN;
        }

        Truth or(Truth other) {
            return this == TRUE || other == TRUE ? TRUE : this == FALSE && other == FALSE ? FALSE : UNKNOWN;
        }

        Truth not() {
            return this == UNKNOWN ? UNKNOWN : this == TRUE ? FALSE : TRUE;
        }
    }
}
