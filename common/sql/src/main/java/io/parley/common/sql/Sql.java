package io.parley.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL with the JDBC parameters of its {@code ?} placeholders, in order: a condition, a {@code FROM} item
 * or a whole statement. Pieces are composed with {@link #append} and joined with {@link #all} and {@link #any}, so
 * that the parameters always follow the text they belong to and no placeholder is counted by hand.
 */
public record Sql(String sql, List<Object> parameters) {

    public static final Sql TRUE = new Sql("TRUE", List.of());
    public static final Sql FALSE = new Sql("FALSE", List.of());

    public Sql {
        parameters = List.copyOf(parameters);
    }

    public static Sql of(String sql, Object... parameters) {
        return new Sql(sql, Arrays.asList(parameters));
    }

    /** This, then {@code next}. */
    public Sql append(Sql next) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(next.parameters);
        return new Sql(sql + next.sql, all);
    }

    /** This, then {@code next} with its parameters. */
    public Sql append(String next, Object... nextParameters) {
        return append(of(next, nextParameters));
    }

    /** True where this is not: also where this is unknown (SQL {@code NULL}), as for a value that is not there. */
    public Sql negate() {
        return new Sql("NOT COALESCE((" + sql + "), FALSE)", parameters);
    }

    /** Every condition; {@link #TRUE} for none. */
    public static Sql all(List<Sql> conditions) {
        return join(conditions, " AND ", TRUE);
    }

    /** Any of the conditions; {@link #FALSE} for none. */
    public static Sql any(List<Sql> conditions) {
        return join(conditions, " OR ", FALSE);
    }

    /** The pieces one after the other with {@code separator} between them, each in parentheses. */
    public static Sql join(List<Sql> pieces, String separator) {
        List<String> parts = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        for (Sql piece : pieces) {
            parts.add("(" + piece.sql + ")");
            all.addAll(piece.parameters);
        }
        return new Sql(String.join(separator, parts), all);
    }

    private static Sql join(List<Sql> conditions, String operator, Sql empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        return conditions.size() == 1 ? conditions.get(0) : join(conditions, operator);
    }

    /**
     * Sets the parameters on a statement whose {@code ?} from {@code first} on are this piece's.
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

    /** This statement, prepared on the connection with its parameters set; the caller closes it. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, 1);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
