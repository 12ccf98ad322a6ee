package io.parley.call.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A part of a {@code WHERE} clause over calls (alias {@code c}) with its JDBC parameters, in order. */
public record SqlCondition(String sql, List<Object> parameters) {

    public static final SqlCondition TRUE = new SqlCondition("TRUE", List.of());
    public static final SqlCondition FALSE = new SqlCondition("FALSE", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    public static SqlCondition of(String sql, Object... parameters) {
        return new SqlCondition(sql, Arrays.asList(parameters));
    }

    /** True where this is not: also where this is unknown (SQL {@code NULL}), as for a value that is not there. */
    public SqlCondition negate() {
        return new SqlCondition("NOT COALESCE((" + sql + "), FALSE)", parameters);
    }

    /**
     * Sets the parameters on a statement whose {@code ?} from {@code first} on are this condition's.
     *
     * @return the index of the statement's next parameter
     */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    public static SqlCondition all(List<SqlCondition> conditions) {
        return join(conditions, " AND ", TRUE);
    }

    public static SqlCondition any(List<SqlCondition> conditions) {
        return join(conditions, " OR ", FALSE);
    }

    private static SqlCondition join(List<SqlCondition> conditions, String operator, SqlCondition empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (SqlCondition condition : conditions) {
            parts.add("(" + condition.sql() + ")");
            parameters.addAll(condition.parameters());
        }
        return new SqlCondition(String.join(operator, parts), parameters);
    }
}
