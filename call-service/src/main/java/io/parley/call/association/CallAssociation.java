package io.parley.call.association;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.call.association.TenantConditions.Conditions;
import io.parley.common.api.condition.CallAttribute;

/**
 * Associates calls with the directory as the tenant's {@code fieldset_associate_calls} says (reference 3.6.1),
 * reading only the service's replica of the directory: first the tenant, then each participant's user by extension,
 * the call's group from its first known participant, and the client one of its numbers belongs to. What is known
 * stays: a call keeps the tenant, users and client it was first associated with. A call a tenant's recorder reports
 * is that tenant's or nobody's ({@link RecorderTenant}): association tells the caller which calls would cross into
 * another tenant, and writes nothing of them. The rules, for users: docs/recorder-events.md.
 * <p>
 * A call row is written into each of the call table's many indexes, so a call is written as few times as possible:
 * calls not stored yet are associated from what they are about to be stored with ({@link #ofNewCalls}) and stored
 * with it, and stored calls are associated in one statement that writes each call at most once ({@link #associate}).
 * Both run the same rules, on a batch of calls at a time, in the caller's transaction. Tenants' conditions are
 * evaluated in Java on the batch's calls ({@link TenantConditions}), never one query per tenant or call.
 */
@ApplicationScoped
public class CallAssociation {

    /** The host part of a SIP id or URI: {@code 102@pbx.example.com}, {@code sip:102@pbx.example.com:5060;x=y}. */
    private static final String SIP_HOST = "lower(substring(%s from '@([^:;>]+)'))";

    /** The call fields association reads, each a text. */
    private static final List<String> CALL_FIELDS = List.of("from_number", "to_number", "from_id", "to_id",
            "broadworks_sp_id", "broadworks_group_id", "metaswitch_system", "metaswitch_group",
            "cisco_nearend_partition", "cisco_farend_partition");

    /**
     * Stored calls and their participants, read once, each by the batch's ids: found by estimates instead, the index
     * of calls without a tenant or of participants without a user, which a planner with old statistics takes for
     * small, was read whole.
     */
    private static final String STORED_CALLS = """
            WITH batch AS MATERIALIZED (
                SELECT c.call_id, c.tenant_id, c.group_id, c.client_id, %s, r.recorder_tenant, r.claims,
                    m.condition_tenant
                FROM call c LEFT JOIN unnest(?::uuid[], ?::uuid[], ?::boolean[]) AS r(call_id, recorder_tenant, claims)
                    ON r.call_id = c.call_id
                LEFT JOIN unnest(?::uuid[], ?::uuid[]) AS m(call_id, condition_tenant) ON m.call_id = c.call_id
                WHERE c.call_id = ANY(?)),
            participant AS MATERIALIZED (
                SELECT call_id, participant_id, party_number, user_id FROM call_participant WHERE call_id = ANY(?)),
            """.formatted(CALL_FIELDS.stream().map(field -> "c." + field).collect(Collectors.joining(", ")));

    /** Calls about to be stored, as arrays of their fields and their recorders' tenants, associated with nothing yet. */
    private static final String NEW_CALLS = """
            WITH batch AS MATERIALIZED (
                SELECT *, NULL::uuid AS tenant_id, NULL::uuid AS group_id, NULL::uuid AS client_id
                FROM unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::uuid[], %s)
                    AS c(call_id, recorder_tenant, claims, condition_tenant, %s)),
            participant AS MATERIALIZED (
                SELECT *, NULL::uuid AS user_id
                FROM unnest(?::uuid[], ?::text[], ?::text[]) AS p(call_id, participant_id, party_number)),
            """.formatted(CALL_FIELDS.stream().map(field -> "?::text[]").collect(Collectors.joining(", ")),
            String.join(", ", CALL_FIELDS));

    /**
     * A tenant found by a setting of its own, checked before extensions; ties go to the lowest tenant id. Asked of each
     * call of no tenant yet, once, among the tenants that have such a setting (read once per batch). Conditions are
     * evaluated beforehand ({@link TenantConditions}), so that they never become SQL: the call's
     * {@code condition_tenant} is the first tenant whose condition it matches, checked here by its key to be such a
     * tenant still, and the lower of the two ids wins. Condition tenants are not among those the call is compared
     * with, which would cost every call of the batch a comparison with each of them.
     */
    private static final String TENANT_BY_SETTING = """
            LEAST(
            (SELECT t.id FROM setting_tenant t
             WHERE (
                 (t.associate_calls = 'broadworks_group' AND t.broadworks_sp_id <> ''
                     AND c.broadworks_sp_id = t.broadworks_sp_id AND c.broadworks_group_id = t.broadworks_group_id)
                 OR (t.associate_calls = 'metaswitch_group' AND t.metaswitch_system <> ''
                     AND c.metaswitch_system = t.metaswitch_system AND c.metaswitch_group = t.metaswitch_group)
                 OR (t.associate_calls = 'cisco_partition' AND t.cisco_partition <> ''
                     AND t.cisco_partition IN (c.cisco_nearend_partition, c.cisco_farend_partition))
                 OR (t.associate_calls = 'sip_uri_host' AND t.sip_uri_host <> ''
                     AND lower(t.sip_uri_host) IN (%s, %s)))
             ORDER BY t.id LIMIT 1),
            (SELECT k.id FROM known_tenant k WHERE k.id = c.condition_tenant AND k.deleted_at IS NULL
                 AND k.associate_calls = 'condition'))""".formatted(SIP_HOST.formatted("c.from_id"),
            SIP_HOST.formatted("c.to_id"));

    /**
     * The tenant a call has, else the one of its own setting, else the one of its extensions: an extension of exactly
     * one extension-mode tenant finds it; one shared by tenants finds none. The numbers' extensions are found first, their
     * tenants after (a fence): joined by estimates, a planner that took the tenants for few would look every number up
     * in every tenant, a cost that grows with the batch times the directory (docs/performance.md). A call reported
     * by a tenant's recorder that finds none takes the recorder's tenant if it {@code claims} it (a call new to the
     * batch); it {@code crosses} when its tenant is not the recorder's, and then nothing of it may be stored.
     */
    private static final String TENANT = """
            setting_tenant AS MATERIALIZED (
                SELECT * FROM known_tenant
                WHERE deleted_at IS NULL AND associate_calls NOT IN ('extension', 'condition')),
            number AS (
                SELECT call_id, party_number AS number FROM participant WHERE party_number IS NOT NULL
                UNION SELECT call_id, from_number FROM batch WHERE from_number IS NOT NULL
                UNION SELECT call_id, to_number FROM batch WHERE to_number IS NOT NULL),
            extension AS MATERIALIZED (
                SELECT n.call_id, e.tenant_id
                FROM number n JOIN batch c ON c.call_id = n.call_id AND c.tenant_id IS NULL
                JOIN known_user_extension e ON e.extension = n.number),
            by_extension AS (
                SELECT e.call_id, (array_agg(DISTINCT e.tenant_id))[1] AS tenant_id
                FROM extension e
                JOIN known_tenant t ON t.id = e.tenant_id AND t.deleted_at IS NULL AND t.associate_calls = 'extension'
                GROUP BY e.call_id HAVING count(DISTINCT e.tenant_id) = 1),
            tenant AS MATERIALIZED (
                SELECT call_id, tenant_id,
                    recorder_tenant IS NOT NULL AND tenant_id IS DISTINCT FROM recorder_tenant AS crosses
                FROM (SELECT c.call_id, c.recorder_tenant, COALESCE(c.tenant_id, %s, x.tenant_id,
                          CASE WHEN c.claims THEN c.recorder_tenant END) AS tenant_id
                      FROM batch c LEFT JOIN by_extension x ON x.call_id = c.call_id) found),
            """.formatted(TENANT_BY_SETTING);

    /** Participants without a user find the user of their number in the call's tenant. */
    private static final String PARTICIPANT_USERS = """
            found_user AS (
                SELECT p.call_id, p.participant_id, e.user_id
                FROM participant p JOIN tenant t ON t.call_id = p.call_id
                JOIN known_user_extension e ON e.tenant_id = t.tenant_id AND e.extension = p.party_number
                WHERE p.user_id IS NULL),
            """;

    /** A call without a group takes its first participant's whose user has one. */
    private static final String CALL_GROUP = """
            first_group AS (
                SELECT DISTINCT ON (p.call_id) p.call_id, u.group_id
                FROM batch b JOIN participant p ON p.call_id = b.call_id LEFT JOIN found_user f
                    ON f.call_id = p.call_id AND f.participant_id = p.participant_id
                JOIN known_user u ON u.id = COALESCE(p.user_id, f.user_id)
                WHERE b.group_id IS NULL AND u.group_id IS NOT NULL
                ORDER BY p.call_id, p.participant_id),
            """;

    /** A call without a client takes its tenant's client one of its numbers belongs to, the lowest id if several. */
    private static final String CALL_CLIENT = """
            client AS (
                SELECT DISTINCT ON (n.call_id) n.call_id, k.client_id
                FROM batch b JOIN number n ON n.call_id = b.call_id JOIN tenant t ON t.call_id = b.call_id
                JOIN known_client_phone k ON k.phone_number = n.number AND k.tenant_id = t.tenant_id
                WHERE b.client_id IS NULL
                ORDER BY n.call_id, k.client_id)
            """;

    private static final String RULES = TENANT + PARTICIPANT_USERS + CALL_GROUP + CALL_CLIENT;

    /**
     * What new calls found: a row per call that found its tenant (with group and client, if found) or crosses, and a
     * row per participant that found its user.
     */
    private static final String FOUND_FOR_NEW_CALLS = NEW_CALLS + RULES + """
            SELECT t.call_id, NULL AS participant_id, t.tenant_id, g.group_id, k.client_id, NULL::uuid AS user_id,
                t.crosses
            FROM tenant t LEFT JOIN first_group g ON g.call_id = t.call_id LEFT JOIN client k ON k.call_id = t.call_id
            WHERE t.tenant_id IS NOT NULL OR t.crosses
            UNION ALL SELECT call_id, participant_id, NULL, NULL, NULL, user_id, false FROM found_user
            """;

    /**
     * Stored calls: each participant and call that found something is written once, but for calls that cross, which
     * are the answer. What the row holds as it is updated wins over what was found from the batch's reading of it, so
     * that nothing associated meanwhile is undone.
     */
    private static final String ASSOCIATE_STORED_CALLS = STORED_CALLS + RULES + """
            , assigned AS (
                UPDATE call_participant p SET user_id = f.user_id FROM found_user f JOIN tenant t ON t.call_id = f.call_id
                WHERE p.call_id = f.call_id AND p.participant_id = f.participant_id AND p.user_id IS NULL
                  AND NOT t.crosses),
            associated AS (
                UPDATE call c SET tenant_id = COALESCE(c.tenant_id, t.tenant_id),
                    group_id = COALESCE(c.group_id, g.group_id), client_id = COALESCE(c.client_id, k.client_id)
                FROM batch b JOIN tenant t ON t.call_id = b.call_id
                LEFT JOIN first_group g ON g.call_id = b.call_id LEFT JOIN client k ON k.call_id = b.call_id
                WHERE c.call_id = ANY(?) AND c.call_id = b.call_id AND NOT t.crosses
                  AND ((b.tenant_id IS NULL AND t.tenant_id IS NOT NULL)
                       OR (b.group_id IS NULL AND g.group_id IS NOT NULL)
                       OR (b.client_id IS NULL AND k.client_id IS NOT NULL)))
            SELECT call_id FROM tenant WHERE crosses
            """;

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

    /** The call fields conditions read. */
    private static final List<String> CONDITION_FIELDS = Arrays.stream(CallAttribute.values())
            .map(attribute -> attribute.field).distinct().toList();

    /**
     * The fields conditions read of stored calls, and their tenants: calls of a tenant are left out after reading, not
     * by the query, whose planner would otherwise be free to read the whole index of calls of no tenant.
     */
    private static final String STORED_FIELDS = "SELECT call_id, tenant_id, " + String.join(", ", CONDITION_FIELDS)
            + " FROM call WHERE call_id = ANY(?)";

    private final TenantConditions tenantConditions;

    CallAssociation(TenantConditions tenantConditions) {
        this.tenantConditions = tenantConditions;
    }

    /**
     * The tenant of the recorder that reported a call's events, whose calls alone they may touch: the call must be
     * the tenant's, or find it, or find no tenant and {@code claim} it (a call new to the caller's batch takes the
     * tenant; a stored call of no tenant is no tenant's recorder's to take).
     */
    public record RecorderTenant(UUID tenantId, boolean claims) {
    }

    /**
     * A call about to be stored for the first time, with the values it will be stored with.
     *
     * @param fields its call fields by name, those of {@link #CALL_FIELDS} at least; a missing one is unknown
     * @param participantNumbers each participant's {@code party_number}, {@code null} if unknown
     * @param recorder the tenant of its recorder; {@code null} for a recorder that serves every tenant
     */
    public record NewCall(UUID callId, Map<String, Object> fields, Map<String, String> participantNumbers,
            RecorderTenant recorder) {
    }

    /**
     * What a new call found: its tenant, group and client ({@code null} if none), and its participants' users; or that
     * it crosses: its recorder's tenant is not the one it found.
     */
    public record Found(UUID tenantId, UUID groupId, UUID clientId, Map<String, UUID> participantUsers,
            boolean crosses) {
    }

    /**
     * What calls not stored yet are associated with, found from what they are about to be stored with; calls that
     * found no tenant and do not cross are not in the answer. Writes nothing.
     *
     * @param conditions the condition tenants, read once for the batch ({@link TenantConditions#read})
     */
    public Map<UUID, Found> ofNewCalls(Connection connection, List<NewCall> calls, Conditions conditions)
            throws SQLException {
        if (calls.isEmpty()) {
            return Map.of();
        }
        List<Object> participantCalls = new ArrayList<>();
        List<Object> participantIds = new ArrayList<>();
        List<Object> participantNumbers = new ArrayList<>();
        for (NewCall call : calls) {
            call.participantNumbers().forEach((participant, number) -> {
                participantCalls.add(call.callId());
                participantIds.add(participant);
                participantNumbers.add(number);
            });
        }
        Map<UUID, Found> tenants = new HashMap<>(); // each call that found its tenant, its participants' users aside
        Map<UUID, Map<String, UUID>> users = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(FOUND_FOR_NEW_CALLS)) {
            int index = 1;
            query.setArray(index++, connection.createArrayOf("uuid", calls.stream().map(NewCall::callId).toArray()));
            query.setArray(index++, connection.createArrayOf("uuid", calls.stream()
                    .map(call -> call.recorder() == null ? null : call.recorder().tenantId()).toArray()));
            query.setArray(index++, connection.createArrayOf("boolean", calls.stream()
                    .map(call -> call.recorder() != null && call.recorder().claims()).toArray()));
            query.setArray(index++, connection.createArrayOf("uuid", calls.stream()
                    .map(call -> conditions.firstMatching(call.fields()::get)).toArray()));
            for (String field : CALL_FIELDS) {
                query.setArray(index++, connection.createArrayOf("text",
                        calls.stream().map(call -> call.fields().get(field)).toArray()));
            }
            query.setArray(index++, connection.createArrayOf("uuid", participantCalls.toArray()));
            query.setArray(index++, connection.createArrayOf("text", participantIds.toArray()));
            query.setArray(index, connection.createArrayOf("text", participantNumbers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID call = rows.getObject(1, UUID.class);
                    String participant = rows.getString(2);
                    if (participant == null) {
                        tenants.put(call, new Found(rows.getObject(3, UUID.class), rows.getObject(4, UUID.class),
                                rows.getObject(5, UUID.class), Map.of(), rows.getBoolean(7)));
                    } else {
                        users.computeIfAbsent(call, key -> new HashMap<>()).put(participant,
                                rows.getObject(6, UUID.class));
                    }
                }
            }
        }
        Map<UUID, Found> found = new HashMap<>();
        tenants.forEach((call, tenant) -> found.put(call, new Found(tenant.tenantId(), tenant.groupId(),
                tenant.clientId(), users.getOrDefault(call, Map.of()), tenant.crosses())));
        return found;
    }

    /** Associates stored calls, in the caller's transaction and on its connection. */
    public void associate(Connection connection, Collection<UUID> calls) throws SQLException {
        associate(connection, calls, Set.of(), Map.of(), tenantConditions.read(connection));
    }

    /**
     * Associates stored calls, but those stored by this transaction with what {@link #ofNewCalls} found for them: they
     * were stored with all there is to find. Ended calls of unknown users are dropped among all of them. A call that
     * crosses (its tenant is not its recorder's, given in {@code recorders}) is left as it is.
     *
     * @param conditions the condition tenants, read once for the batch ({@link TenantConditions#read})
     * @return the calls that cross; the caller must not let anything it stored of them stand
     */
    public Set<UUID> associate(Connection connection, Collection<UUID> calls, Set<UUID> associatedAsStored,
            Map<UUID, RecorderTenant> recorders, Conditions conditions) throws SQLException {
        if (calls.isEmpty()) {
            return Set.of();
        }
        Set<UUID> crossing = new HashSet<>();
        List<UUID> toAssociate = calls.stream().filter(call -> !associatedAsStored.contains(call)).toList();
        if (!toAssociate.isEmpty()) {
            Array ids = connection.createArrayOf("uuid", toAssociate.toArray());
            List<UUID> bound = toAssociate.stream().filter(recorders::containsKey).toList();
            Map<UUID, UUID> byCondition = conditionTenants(connection, ids, conditions);
            try (PreparedStatement statement = connection.prepareStatement(ASSOCIATE_STORED_CALLS)) {
                statement.setArray(1, connection.createArrayOf("uuid", bound.toArray()));
                statement.setArray(2, connection.createArrayOf("uuid", bound.stream()
                        .map(call -> recorders.get(call).tenantId()).toArray()));
                statement.setArray(3, connection.createArrayOf("boolean", bound.stream()
                        .map(call -> recorders.get(call).claims()).toArray()));
                statement.setArray(4, connection.createArrayOf("uuid", byCondition.keySet().toArray()));
                statement.setArray(5, connection.createArrayOf("uuid", byCondition.keySet().stream()
                        .map(byCondition::get).toArray()));
                statement.setArray(6, ids);
                statement.setArray(7, ids);
                statement.setArray(8, ids);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        crossing.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(IGNORE_UNKNOWN)) {
            statement.setArray(1, connection.createArrayOf("uuid", calls.toArray())); // sees users just found
            statement.executeUpdate();
        }
        return crossing;
    }

    /**
     * The tenant each stored call of no tenant yet finds by condition, from its fields as stored now (the batch's
     * events applied): none when there is no condition tenant.
     */
    private static Map<UUID, UUID> conditionTenants(Connection connection, Array calls, Conditions conditions)
            throws SQLException {
        if (conditions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(STORED_FIELDS)) {
            query.setArray(1, calls);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getObject("tenant_id") != null) {
                        continue;
                    }
                    Map<String, Object> fields = new HashMap<>();
                    for (String field : CONDITION_FIELDS) {
                        fields.put(field, rows.getObject(field));
                    }
                    UUID tenant = conditions.firstMatching(fields::get);
                    if (tenant != null) {
                        found.put(rows.getObject("call_id", UUID.class), tenant);
                    }
                }
            }
        }
        return found;
    }
}
