package io.parley.call.association;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.call.call.CallChanges;
import io.parley.common.directory.UserExtensionsKnown;

/**
 * Calls recorded before their user existed find the user when the directory announces it: an auto-provisioned user,
 * or one an administrator created later. Their participants on the user's extensions, in the user's tenant or in none
 * yet, are associated again, and each call that changed is published as {@code call.updated}. Runs in the
 * transaction that applies the directory's event.
 */
@ApplicationScoped
public class LateAssociation {

    private static final String WAITING_CALLS = """
            SELECT DISTINCT p.call_id FROM call_participant p JOIN call c ON c.call_id = p.call_id
            WHERE p.user_id IS NULL AND p.party_number = ANY(?) AND (c.tenant_id = ? OR c.tenant_id IS NULL)
            """;

    private final DataSource dataSource;
    private final CallAssociation association;
    private final CallChanges changes;

    LateAssociation(DataSource dataSource, CallAssociation association, CallChanges changes) {
        this.dataSource = dataSource;
        this.association = association;
        this.changes = changes;
    }

    void onUserExtensions(@Observes UserExtensionsKnown user) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<UUID> calls = waitingCalls(connection, user);
            if (calls.isEmpty()) {
                return;
            }
            association.associate(connection, calls);
            changes.publish(connection, calls, Set.copyOf(calls));
        }
    }

    private static List<UUID> waitingCalls(Connection connection, UserExtensionsKnown user) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(WAITING_CALLS)) {
            query.setArray(1, connection.createArrayOf("text", user.extensions().toArray()));
            query.setObject(2, user.tenantId());
            List<UUID> calls = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(rows.getObject(1, UUID.class));
                }
            }
            return calls;
        }
    }
}
