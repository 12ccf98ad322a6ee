package io.parley.common.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Makes the database refuse the rows whose column holds a marker value, as it refuses a row for a reason of its own
 * (here SQLSTATE 54000, program limit exceeded, naming the table and column, and quoting the row in the detail as
 * PostgreSQL's own refusals do), for tests of what a consumer does with a record the database will not take. Dropped
 * when closed.
 */
public final class RefusingTrigger implements AutoCloseable {

    private final DataSource dataSource;
    private final String name = "test_refuses_" + UUID.randomUUID().toString().replace("-", "");
    private final String table;

    private RefusingTrigger(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** @param table schema-qualified, e.g. {@code calls.call} */
    public static RefusingTrigger on(DataSource dataSource, String table, String column, String marker) {
        RefusingTrigger trigger = new RefusingTrigger(dataSource, table);
        String schema = table.substring(0, table.indexOf('.'));
        trigger.execute("""
                CREATE FUNCTION %1$s.%2$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.%3$s = '%4$s' THEN
                    RAISE EXCEPTION 'row too large' USING ERRCODE = '54000', SCHEMA = '%1$s', TABLE = '%5$s',
                      COLUMN = '%3$s', DETAIL = 'Failing row contains (' || NEW.%3$s || ')';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER %2$s BEFORE INSERT OR UPDATE ON %6$s FOR EACH ROW EXECUTE FUNCTION %1$s.%2$s();
                """.formatted(schema, trigger.name, column, marker.replace("'", "''"),
                table.substring(table.indexOf('.') + 1), table));
        return trigger;
    }

    @Override
    public void close() {
        String schema = table.substring(0, table.indexOf('.'));
        execute("DROP TRIGGER %s ON %s; DROP FUNCTION %s.%s()".formatted(name, table, schema, name));
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
