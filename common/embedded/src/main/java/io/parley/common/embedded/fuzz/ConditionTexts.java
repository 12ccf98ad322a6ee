package io.parley.common.embedded.fuzz;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import io.parley.common.api.condition.CallAttribute;

/**
 * Conditions of the {@code associate_calls_condition} language (docs/recorder-events.md), drawn from fuzzing data, in
 * random case and spacing, nested and long enough to reach the parser's bounds on depth and comparisons now and then.
 */
public final class ConditionTexts {

    private static final int DEEPEST = 20;

    private ConditionTexts() {
    }

    /** A condition of the grammar, its values drawn from {@code values}, when given, or from the data. */
    public static String generated(FuzzedDataProvider data, List<String> values) {
        return generated(data, values, 0);
    }

    private static String generated(FuzzedDataProvider data, List<String> values, int depth) {
        int choice = depth > DEEPEST || data.remainingBytes() == 0 ? 0 : data.consumeInt(0, 4);
        String blank = data.pickValue(List.of(" ", "  ", "\t", "\n"));
        return switch (choice) {
            case 0 -> data.pickValue(CallAttribute.values()).attributeName + blank
                    + data.pickValue(List.of("=", "!=", "starts with", "ENDS WITH", "Contains")) + blank + "\""
                    + (values.isEmpty() ? data.consumeString(6) : data.pickValue(values)).replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                    + "\"";
            case 1 -> generated(data, values, depth + 1) + blank + "AND" + blank + generated(data, values, depth + 1);
            case 2 -> generated(data, values, depth + 1) + blank + "or" + blank + generated(data, values, depth + 1);
            case 3 -> "NOT" + blank + generated(data, values, depth + 1);
            default -> "(" + generated(data, values, depth + 1) + ")";
        };
    }
}
