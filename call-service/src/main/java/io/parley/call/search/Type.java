package io.parley.call.search;

import java.util.List;

/** The parameter types of the advanced search (reference 3.1.4, Table 2) and the operators each supports. */
enum Type {
    STRING("equal_to", "not_equal_to", "starts_with", "ends_with", "includes", "is_empty", "not_empty", "pattern",
            "regex"),
    STRING_EXACT("is", "is_not", "is_empty", "not_empty"),
    NUMBER("equal_to", "not_equal_to", "greater_than", "lower_than", "between", "is_empty", "not_empty"),
    DATE("equal_to", "older_than", "newer_than", "between", "older_than_days", "newer_than_days"),
    DATETIME("older_than", "newer_than", "between", "older_than_minutes", "newer_than_minutes"),
    DURATION("greater_than", "lower_than", "between"),
    SET("is", "is_not"),
    BOOL("is_true", "is_false");

    private final List<String> operators;

    Type(String... operators) {
        this.operators = List.of(operators);
    }

    List<String> operators() {
        return operators;
    }

    /** As the reference names it: {@code string_exact}. */
    String wireName() {
        return name().toLowerCase();
    }
}
