package io.parley.common.api.condition;

import java.util.Objects;

/**
 * A parsed {@code associate_calls_condition} (reference 3.6.1): comparisons of a call's attributes with quoted
 * strings, combined with {@code AND}, {@code OR} and {@code NOT}. Values stay values: an evaluator binds each
 * {@link Comparison#value()} as a parameter and takes the column from {@link CallAttribute#field()}, so no text of a
 * condition ever becomes SQL text. {@link ConditionParser} builds it.
 */
public sealed interface Condition {

    /** Both sides hold. */
    record And(Condition left, Condition right) implements Condition {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** Either side holds. */
    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** The operand does not hold. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand);
        }
    }

    /** The call's attribute compared with a string, exactly (case-sensitive, as the reference's ids are). */
    record Comparison(CallAttribute attribute, Operator operator, String value) implements Condition {
        public Comparison {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
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
}
