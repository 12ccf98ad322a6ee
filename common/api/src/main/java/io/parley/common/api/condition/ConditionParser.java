package io.parley.common.api.condition;

import java.util.Locale;
import java.util.Set;

import io.parley.common.api.condition.Condition.And;
import io.parley.common.api.condition.Condition.Comparison;
import io.parley.common.api.condition.Condition.Not;
import io.parley.common.api.condition.Condition.Operator;
import io.parley.common.api.condition.Condition.Or;

/**
 * Parses an {@code associate_calls_condition} into a {@link Condition}. The grammar (docs/recorder-events.md) is small
 * enough for a hand-written recursive-descent parser, one method per rule, so no parser generator is needed:
 *
 * <pre>
 * condition  = and { "OR" and }
 * and        = unary { "AND" unary }
 * unary      = "NOT" unary | "(" condition ")" | comparison
 * comparison = attribute operator string
 * operator   = "=" | "!=" | "STARTS" "WITH" | "ENDS" "WITH" | "CONTAINS"
 * attribute  = a name of {@link CallAttribute}, in any case
 * string     = '"' { any character but " and \ | '\"' | '\\' } '"'
 * </pre>
 *
 * Keywords are words in any case; blanks (space, tab, line breaks) separate tokens. {@code NOT} binds tighter than
 * {@code AND}, which binds tighter than {@code OR}. The bounds keep any condition cheap to store, evaluate and parse
 * (recursion stays far from the stack's limit).
 */
public final class ConditionParser {

    /** The longest condition in UTF-8 bytes: the bound of the tenant's association settings. */
    public static final int MAX_BYTES = 1024;
    /** The most comparisons in one condition. */
    public static final int MAX_COMPARISONS = 32;
    /** The deepest nesting of parentheses and {@code NOT}s. */
    public static final int MAX_DEPTH = 16;

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "STARTS", "ENDS", "WITH", "CONTAINS");
    private static final String OPERAND = "expected an attribute name, NOT or (";

    private final String text;
    private int index;
    private int depth;
    private int comparisons;

    private ConditionParser(String text) {
        this.text = text;
    }

    /** The condition the text writes, or why it is not one. */
    public static Condition parse(String text) throws ConditionException {
        checkLength(text);
        ConditionParser parser = new ConditionParser(text);
        Condition condition = parser.condition();
        parser.skipBlanks();
        if (parser.index < text.length()) {
            throw parser.error("expected AND, OR or the end of the condition");
        }
        return condition;
    }

    private Condition condition() throws ConditionException {
        Condition condition = and();
        while (keyword("OR")) {
            condition = new Or(condition, and());
        }
        return condition;
    }

    private Condition and() throws ConditionException {
        Condition condition = unary();
        while (keyword("AND")) {
            condition = new And(condition, unary());
        }
        return condition;
    }

    private Condition unary() throws ConditionException {
        skipBlanks();
        int start = index;
        if (keyword("NOT")) {
            enter(start);
            Condition operand = new Not(unary());
            depth--;
            return operand;
        }
        if (symbol("(")) {
            enter(start);
            Condition inner = condition();
            if (!symbol(")")) {
                throw error("expected AND, OR or )");
            }
            depth--;
            return inner;
        }
        return comparison();
    }

    private Comparison comparison() throws ConditionException {
        skipBlanks();
        int start = index;
        String name = word();
        if (name.isEmpty() || KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            index = start;
            throw error(OPERAND);
        }
        CallAttribute attribute = CallAttribute.named(name)
                .orElseThrow(() -> new ConditionException(start + 1, "unknown attribute " + name));
        if (++comparisons > MAX_COMPARISONS) {
            throw new ConditionException(start + 1, "more than " + MAX_COMPARISONS + " comparisons");
        }
        Operator operator = operator();
        return new Comparison(attribute, operator, string());
    }

    private Operator operator() throws ConditionException {
        if (symbol("!=")) {
            return Operator.NOT_EQUALS;
        }
        if (symbol("=")) {
            return Operator.EQUALS;
        }
        if (keyword("CONTAINS")) {
            return Operator.CONTAINS;
        }
        for (Operator operator : new Operator[] { Operator.STARTS_WITH, Operator.ENDS_WITH }) {
            String first = operator.spelling.substring(0, operator.spelling.indexOf(' '));
            if (keyword(first)) {
                if (!keyword("WITH")) {
                    throw error("expected WITH after " + first);
                }
                return operator;
            }
        }
        throw error("expected an operator (=, !=, STARTS WITH, ENDS WITH or CONTAINS)");
    }

    private String string() throws ConditionException {
        skipBlanks();
        if (index >= text.length() || text.charAt(index) != '"') {
            throw error("expected a quoted string");
        }
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = index < text.length() ? text.charAt(index) : 0;
                if (escaped != '"' && escaped != '\\') {
                    throw new ConditionException(index, "a backslash in a string must be followed by \" or \\");
                }
                index++;
                c = escaped;
            }
            value.append(c);
        }
        throw new ConditionException(start + 1, "unterminated string");
    }

    private void enter(int start) throws ConditionException {
        if (++depth > MAX_DEPTH) {
            throw new ConditionException(start + 1, "nested more than " + MAX_DEPTH + " deep");
        }
    }

    /** Consumes the keyword, in any case, if the next word is it. */
    private boolean keyword(String keyword) {
        skipBlanks();
        int start = index;
        if (word().equalsIgnoreCase(keyword)) {
            return true;
        }
        index = start;
        return false;
    }

    /** Consumes the symbol if the text goes on with it. */
    private boolean symbol(String symbol) {
        skipBlanks();
        if (text.startsWith(symbol, index)) {
            index += symbol.length();
            return true;
        }
        return false;
    }

    /** Consumes a word (letters, digits, dashes and underscores) and returns it; empty if there is none. */
    private String word() {
        int start = index;
        while (index < text.length() && isWordCharacter(text.charAt(index))) {
            index++;
        }
        return text.substring(start, index);
    }

    private static boolean isWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private void skipBlanks() {
        while (index < text.length() && " \t\r\n".indexOf(text.charAt(index)) >= 0) {
            index++;
        }
    }

    private ConditionException error(String reason) {
        return new ConditionException(index + 1, reason);
    }

    /** Refuses a condition of more than {@link #MAX_BYTES}, at the character that goes past the bound. */
    private static void checkLength(String text) throws ConditionException {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            if (bytes > MAX_BYTES) {
                throw new ConditionException(i + 1, "the condition is longer than " + MAX_BYTES + " bytes");
            }
        }
    }
}
