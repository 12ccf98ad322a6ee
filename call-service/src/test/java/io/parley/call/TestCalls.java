package io.parley.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

/** Stores calls, and the directory's users they refer to, straight into the tables, for tests of the calls API. */
public final class TestCalls {

    private TestCalls() {
    }

    /** A call of the tenant set up at the given time (ISO 8601), to fill in and store. */
    public static Call call(UUID tenant, String setupTime) {
        return new Call().set("tenant_id", tenant).set("setup_time", OffsetDateTime.parse(setupTime));
    }

    /** A user as the directory replica holds it. */
    public static void user(DataSource dataSource, UUID id, UUID tenant, UUID group, String name, String login) {
        execute(dataSource, "INSERT INTO known_user (id, tenant_id, group_id, name, login, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, now())", id, tenant, group, name, login);
    }

    /**
     * A tenant whose calls find it by its users' extensions (the default), as the replica holds it, with a user on
     * the extension; the user's id.
     */
    public static UUID tenantWithExtension(DataSource dataSource, UUID tenant, String extension) {
        tenant(dataSource, tenant, "Tenant " + tenant);
        UUID user = UUID.randomUUID();
        user(dataSource, user, tenant, null, "Agent " + extension, "agent-" + user);
        execute(dataSource, "INSERT INTO known_user_extension (user_id, tenant_id, extension) VALUES (?, ?, ?)", user,
                tenant, extension);
        return user;
    }

    /** A tenant as the directory replica holds it. */
    public static void tenant(DataSource dataSource, UUID id, String name) {
        execute(dataSource, "INSERT INTO known_tenant (id, name, changed_at, received_at) VALUES (?, ?, now(), now())",
                id, name);
    }

    /** The tenant the directory's events mark as the System tenant, as the replica holds it; any name. */
    public static void systemTenant(DataSource dataSource, UUID id, String name) {
        execute(dataSource, "INSERT INTO known_tenant (id, name, is_system, changed_at, received_at)"
                + " VALUES (?, ?, true, now(), now())", id, name);
    }

    public static final class Call {

        private final UUID id = UUID.randomUUID();
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private final List<Object[]> participants = new ArrayList<>();
        private final List<Object[]> files = new ArrayList<>();

        /** Sets a column of the call; date-times as ISO 8601 text. */
        public Call set(String column, Object value) {
            columns.put(column, value instanceof String text && (column.endsWith("_time") || column.endsWith("_at"))
                    ? OffsetDateTime.parse(text)
                    : value);
            return this;
        }

        /** A participant, with the user the association found ({@code null} for none). */
        public Call participant(UUID user, String number) {
            participants.add(new Object[] { id, String.valueOf(participants.size() + 1), user, number });
            return this;
        }

        public Call file(String path) {
            files.add(new Object[] { id, String.valueOf(files.size() + 1), path });
            return this;
        }

        public UUID store(DataSource dataSource) {
            List<Object> values = new ArrayList<>(List.of(id));
            values.addAll(columns.values());
            execute(dataSource, "INSERT INTO call (call_id, " + String.join(", ", columns.keySet())
                    + ", last_event_at) VALUES (?, " + String.join(", ", Collections.nCopies(columns.size(), "?"))
                    + ", now())", values.toArray());
            for (Object[] participant : participants) {
                execute(dataSource, "INSERT INTO call_participant (call_id, participant_id, user_id, party_number,"
                        + " last_event_at) VALUES (?, ?, ?, ?, now())", participant);
            }
            for (Object[] file : files) {
                execute(dataSource, "INSERT INTO call_file (call_id, file_id, file_path, last_event_at)"
                        + " VALUES (?, ?, ?, now())", file);
            }
            return id;
        }
    }

    private static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
