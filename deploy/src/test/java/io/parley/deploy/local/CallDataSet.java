package io.parley.deploy.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Builds a search benchmark's data set straight into call-service's schema, as a bulk import would: calls of a year
 * across tenants, each with its agent (a user of a group of the tenant) and an outside party, and the users in
 * call-service's replica of the directory. Deterministic: call {@code i} is always the same call, so that the
 * benchmark can name calls, users and numbers that exist. Calls are stored in the order they were set up, as recorders
 * deliver them: a table's recent calls are close together, as on a server in production. Secondary indexes are dropped during
 * the load and built
 * again after it, with a progress bar for each step.
 */
final class CallDataSet {

    /** Names the data set's shape in its directory: a set built by another version is built again, not reused. */
    static final String VERSION = "v2";

    static final int TENANTS = 100;
    static final int GROUPS_PER_TENANT = 10;
    static final int USERS = 100_000;
    private static final int CHUNK = 100_000;

    /** The dimensions of one call, as SQL over {@code i}: everything else follows from these. */
    private static final String DIMENSIONS = """
            SELECT i,
                   md5('call' || i)::uuid AS call_id,
                   (i::bigint * 7919) %% %1$d AS u,
                   timestamptz '2026-01-01 00:00:00+00' + (i::bigint * 31536000 / %4$d) * interval '1 second'
                       AS setup_time,
                   10 + (i * 31) %% 1790 AS seconds,
                   '+1555' || lpad(((i::bigint * 48271) %% 10000000)::text, 7, '0') AS outside,
                   1 + i %% 2 AS direction
            FROM generate_series(%2$d, %3$d) i
            """;

    private CallDataSet() {
    }

    /** Call {@code i}'s user, 0 to {@link #USERS} - 1. */
    static int userOf(long call) {
        return (int) ((call * 7919) % USERS);
    }

    static String userId(int user) {
        return uuid("user" + user);
    }

    static String tenantId(int user) {
        return uuid("tenant" + user % TENANTS);
    }

    static String groupId(int user) {
        return uuid("group" + user % (TENANTS * GROUPS_PER_TENANT));
    }

    static String extension(int user) {
        return Integer.toString(100_000 + user);
    }

    static String callId(long call) {
        return uuid("call" + call);
    }

    /** When call {@code i} of a set of {@code calls} was set up, in seconds since the epoch: in order, over a year. */
    static long setupEpochSecond(long call, long calls) {
        return 1_767_225_600L + call * 31_536_000L / calls; // from 2026-01-01T00:00:00Z
    }

    /** Call {@code i}'s outside number. */
    static String outsideNumber(long call) {
        return "+1555" + String.format("%07d", (call * 48271) % 10_000_000);
    }

    /** How many calls the schema holds. */
    static long calls(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM calls.call")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Loads calls {@code 0 .. calls - 1} and the users, with their participants, into an empty call schema. */
    static void load(Connection connection, int calls) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path = calls");
            List<String> indexes = secondaryIndexes(sql);
            for (String index : indexes) {
                sql.execute("DROP INDEX calls." + index.substring(index.indexOf("INDEX ") + 6).split(" ")[0]);
            }
            sql.execute("""
                    INSERT INTO known_user (id, tenant_id, group_id, name, login, changed_at)
                    SELECT md5('user' || u)::uuid, md5('tenant' || u %% %d)::uuid, md5('group' || u %% %d)::uuid,
                           'Agent ' || u, 'agent' || u, now()
                    FROM generate_series(0, %d) u
                    """.formatted(TENANTS, TENANTS * GROUPS_PER_TENANT, USERS - 1));
            try (ProgressBar progress = bar("Calls", calls)) {
                for (int from = 0; from < calls; from += CHUNK) {
                    String dimensions = DIMENSIONS.formatted(USERS, from, Math.min(calls, from + CHUNK) - 1, calls);
                    sql.execute("""
                            INSERT INTO call (call_id, tenant_id, group_id, recorder_id, protocol_call_direction,
                                call_state, voip_protocol, setup_time, connect_time, disconnect_time, from_number,
                                to_number, from_name, to_name, ended_at, last_event_at)
                            SELECT call_id, md5('tenant' || u %% %d)::uuid, md5('group' || u %% %d)::uuid,
                                   md5('recorder' || u %% 10)::uuid, direction, 6, 1, setup_time,
                                   setup_time + interval '5 seconds', setup_time + (5 + seconds) * interval '1 second',
                                   CASE direction WHEN 1 THEN (100000 + u)::text ELSE outside END,
                                   CASE direction WHEN 1 THEN outside ELSE (100000 + u)::text END,
                                   CASE direction WHEN 1 THEN 'Agent ' || u ELSE 'Customer ' || i %% 50000 END,
                                   CASE direction WHEN 1 THEN 'Customer ' || i %% 50000 ELSE 'Agent ' || u END,
                                   setup_time + (5 + seconds) * interval '1 second',
                                   setup_time + (5 + seconds) * interval '1 second'
                            FROM (%s) d
                            """.formatted(TENANTS, TENANTS * GROUPS_PER_TENANT, dimensions));
                    sql.execute("""
                            INSERT INTO call_participant (call_id, participant_id, user_id, party_direction,
                                party_type, party_number, party_name, last_event_at)
                            SELECT call_id, '1', md5('user' || u)::uuid, direction, 1, (100000 + u)::text,
                                   'Agent ' || u, setup_time FROM (%1$s) d
                            UNION ALL
                            SELECT call_id, '2', NULL, 3 - direction, 2, outside, 'Customer ' || i %% 50000, setup_time
                            FROM (%1$s) d
                            """.formatted(dimensions));
                    progress.stepTo(Math.min(calls, from + CHUNK));
                }
            }
            try (ProgressBar progress = bar("Indexes", indexes.size())) {
                for (String index : indexes) {
                    sql.execute(index);
                    progress.step();
                }
            }
            sql.execute("VACUUM ANALYZE call");
            sql.execute("VACUUM ANALYZE call_participant");
            sql.execute("VACUUM ANALYZE known_user");
        }
    }

    /**
     * Reads the call tables and their indexes once (pg_prewarm), as a database server's memory holds its working set:
     * the call table and its indexes into PostgreSQL's buffers, the participants into the operating system's cache.
     */
    static void readIntoMemory(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path = public, calls"); // where a data set made before put the extension
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm SCHEMA public");
            sql.execute("""
                    SELECT pg_prewarm(c.oid::regclass, mode) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_index i ON i.indexrelid = c.oid
                    CROSS JOIN LATERAL (SELECT CASE WHEN COALESCE(i.indrelid, c.oid) = 'calls.call'::regclass
                                                    THEN 'buffer' ELSE 'read' END AS mode) m
                    WHERE n.nspname = 'calls' AND c.relkind IN ('r', 'i')
                    ORDER BY mode DESC
                    """);
        }
    }

    /** The definitions of the call tables' indexes other than their primary keys. */
    private static List<String> secondaryIndexes(Statement sql) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'calls' AND tablename IN ('call', 'call_participant', 'known_user')
                  AND indexname NOT LIKE '%pkey'
                ORDER BY tablename, indexname
                """)) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }

    private static ProgressBar bar(String task, long total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1_000).build();
    }

    private static String uuid(String seed) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) {
                hex.append(String.format("%02x", b));
            }
            return hex.insert(20, '-').insert(16, '-').insert(12, '-').insert(8, '-').toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
