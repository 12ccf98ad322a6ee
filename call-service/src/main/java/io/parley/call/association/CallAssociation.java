package io.parley.call.association;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Associates calls with the directory as the tenant's {@code fieldset_associate_calls} says (reference 3.6.1),
 * reading only the service's replica of the directory: first the tenant, then each participant's user by extension,
 * the call's group from its first known participant, and the client one of its numbers belongs to. What is known
 * stays: a call keeps the tenant, users and client it was first associated with. Runs in the ingest transaction, a
 * batch of calls per statement. The rules, for users: docs/recorder-events.md.
 */
@ApplicationScoped
public class CallAssociation {

    /** The host part of a SIP id or URI: {@code 102@pbx.example.com}, {@code sip:102@pbx.example.com:5060;x=y}. */
    private static final String SIP_HOST = "lower(substring(%s from '@([^:;>]+)'))";

    /**
     * Tenants found by a setting of their own, checked before extensions; ties go to the lowest tenant id. A call that
     * finds none is left as it is (not rewritten with the same null). The batch's calls are found by id first (a
     * fence: the index of calls without a tenant is no way to find them).
     */
    private static final String TENANT_BY_SETTING = """
            WITH batch AS MATERIALIZED (SELECT * FROM call WHERE call_id = ANY(?))
            UPDATE call target SET tenant_id = found.tenant_id FROM (
                SELECT c.call_id, (
                SELECT t.id FROM known_tenant t
                WHERE t.deleted_at IS NULL AND (
                    (t.associate_calls = 'broadworks_group' AND t.broadworks_sp_id <> ''
                        AND c.broadworks_sp_id = t.broadworks_sp_id AND c.broadworks_group_id = t.broadworks_group_id)
                    OR (t.associate_calls = 'metaswitch_group' AND t.metaswitch_system <> ''
                        AND c.metaswitch_system = t.metaswitch_system AND c.metaswitch_group = t.metaswitch_group)
                    OR (t.associate_calls = 'cisco_partition' AND t.cisco_partition <> ''
                        AND t.cisco_partition IN (c.cisco_nearend_partition, c.cisco_farend_partition))
                    OR (t.associate_calls = 'sip_uri_host' AND t.sip_uri_host <> ''
                        AND lower(t.sip_uri_host) IN (%s, %s)))
                ORDER BY t.id LIMIT 1) AS tenant_id
                FROM batch c WHERE c.tenant_id IS NULL) found
            WHERE target.call_id = found.call_id AND found.tenant_id IS NOT NULL
            """.formatted(SIP_HOST.formatted("c.from_id"), SIP_HOST.formatted("c.to_id"));

    /** A call's numbers: its participants' and its from and to numbers. */
    private static final String CALL_NUMBERS = """
            SELECT p.call_id, p.party_number AS number FROM call_participant p
            WHERE p.call_id = ANY(?) AND p.party_number IS NOT NULL
            UNION SELECT c.call_id, c.from_number FROM call c WHERE c.call_id = ANY(?) AND c.from_number IS NOT NULL
            UNION SELECT c.call_id, c.to_number FROM call c WHERE c.call_id = ANY(?) AND c.to_number IS NOT NULL
            """;

    /**
     * An extension of exactly one extension-mode tenant finds it; one shared by tenants finds none. The call is
     * checked for a tenant as it is updated, in a form no index serves ({@code (...) IS TRUE}): the index of calls
     * without a tenant holds every call that never found one, and a planner whose statistics say there are few would
     * read them all to find a batch's.
     */
    private static final String TENANT_BY_EXTENSION = """
            UPDATE call c SET tenant_id = found.tenant_id FROM (
                SELECT n.call_id, (array_agg(DISTINCT e.tenant_id))[1] AS tenant_id
                FROM (%s) n
                JOIN known_user_extension e ON e.extension = n.number
                JOIN known_tenant t ON t.id = e.tenant_id AND t.deleted_at IS NULL AND t.associate_calls = 'extension'
                GROUP BY n.call_id HAVING count(DISTINCT e.tenant_id) = 1) found
            WHERE c.call_id = found.call_id AND (c.tenant_id IS NULL) IS TRUE
            """.formatted(CALL_NUMBERS);

    /**
     * The calls' participants are found by call first (a fence: the index of unassigned participants, which a planner
     * with old statistics would otherwise scan whole, is no way to find a batch's), each side of the join by the
     * batch's ids: joined by estimates, a batch's participants were read by scanning them all.
     */
    private static final String PARTICIPANT_USERS = """
            WITH batch AS MATERIALIZED (
                SELECT p.call_id, p.participant_id, p.party_number, p.user_id, c.tenant_id
                FROM call c JOIN call_participant p ON p.call_id = c.call_id
                WHERE c.call_id = ANY(?) AND p.call_id = ANY(?) AND c.tenant_id IS NOT NULL)
            UPDATE call_participant p SET user_id = e.user_id
            FROM batch b JOIN known_user_extension e ON e.tenant_id = b.tenant_id AND e.extension = b.party_number
            WHERE b.user_id IS NULL AND p.call_id = b.call_id AND p.participant_id = b.participant_id
            """;

    private static final String CALL_GROUP = """
            UPDATE call c SET group_id = first.group_id FROM (
                SELECT DISTINCT ON (p.call_id) p.call_id, u.group_id
                FROM call_participant p JOIN known_user u ON u.id = p.user_id
                WHERE p.call_id = ANY(?) AND u.group_id IS NOT NULL
                ORDER BY p.call_id, p.participant_id) first
            WHERE c.call_id = first.call_id AND c.group_id IS NULL
            """;

    private static final String CALL_CLIENT = """
            UPDATE call c SET client_id = found.client_id FROM (
                SELECT DISTINCT ON (n.call_id) n.call_id, k.client_id, k.tenant_id
                FROM (%s) n JOIN known_client_phone k ON k.phone_number = n.number
                ORDER BY n.call_id, k.client_id) found
            WHERE c.call_id = found.call_id AND c.client_id IS NULL AND c.tenant_id = found.tenant_id
            """.formatted(CALL_NUMBERS);

    /** Ended calls of an {@code ignore} tenant that matched none of its users: remembered, then dropped. */
    private static final String IGNORE_UNKNOWN = """
            WITH unknown AS (
                SELECT c.call_id FROM call c JOIN known_tenant t ON t.id = c.tenant_id
                WHERE c.call_id = ANY(?) AND c.ended_at IS NOT NULL AND t.record_unknown_users = 'ignore'
                  AND NOT EXISTS (SELECT 1 FROM call_participant p WHERE p.call_id = c.call_id
                                  AND p.user_id IS NOT NULL)),
            remembered AS (INSERT INTO ignored_call (call_id) SELECT call_id FROM unknown ON CONFLICT DO NOTHING)
            DELETE FROM call WHERE call_id IN (SELECT call_id FROM unknown)
            """;

    /** Associates the given calls, in the caller's transaction and on its connection. */
    public void associate(Connection connection, Collection<UUID> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        Array ids = connection.createArrayOf("uuid", calls.toArray()); // encoded once for every statement
        run(connection, TENANT_BY_SETTING, ids, 1);
        run(connection, TENANT_BY_EXTENSION, ids, 3);
        run(connection, PARTICIPANT_USERS, ids, 2);
        run(connection, CALL_GROUP, ids, 1);
        run(connection, CALL_CLIENT, ids, 3);
        run(connection, IGNORE_UNKNOWN, ids, 1);
    }

    private static void run(Connection connection, String sql, Array ids, int uses) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= uses; i++) {
                statement.setArray(i, ids);
            }
            statement.executeUpdate();
        }
    }
}
