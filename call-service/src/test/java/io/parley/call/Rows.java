package io.parley.call;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/** Reads what the service stored, for tests that check its tables directly. */
public final class Rows {

    private Rows() {
    }

    /** The first row the query finds, by column name; empty when it finds none. */
    public static Map<String, Object> first(DataSource dataSource, String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row the query finds, once it finds one (waiting up to 30 seconds for ingest to store it). */
    public static Map<String, Object> awaitFirst(DataSource dataSource, String sql, Object parameter) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> first(dataSource, sql, parameter),
                row -> !row.isEmpty());
    }
}
