package io.parley.call.association;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.call.call.CallChanges;
import io.parley.common.directory.TenantKnown;
import io.parley.common.directory.UserExtensionsKnown;

/**
 * Calls recorded before their user existed find the user when the directory announces it: an auto-provisioned user,
 * or one an administrator created later. Their participants on the user's extensions, in the user's tenant or in none
 * yet, and calls of no tenant whose from or to number is one of them, are associated again, and each call that changed
 * is published as {@code call.updated}. The same is done for all of a tenant's users when the replica learns the tenant
 * after them (the directory's events are keyed by object, so a tenant's and its users' events may arrive in any order).
 * Runs in the transaction that applies the directory's event, ordered with ingest by {@link AssociationLock}.
 */
@ApplicationScoped
public class LateAssociation {

    /**
     * Calls with a participant on one of the extensions and no user, in the user's tenant or in none; and calls of no
     * tenant yet whose own from or to number is one (a recorder may report no participants).
     */
    private static final String WAITING_CALLS = """
            SELECT p.call_id FROM call_participant p JOIN call c ON c.call_id = p.call_id
            WHERE p.user_id IS NULL AND p.party_number = ANY(?) AND (c.tenant_id = ? OR c.tenant_id IS NULL)
            UNION SELECT c.call_id FROM call c WHERE c.from_number = ANY(?) AND c.tenant_id IS NULL
            UNION SELECT c.call_id FROM call c WHERE c.to_number = ANY(?) AND c.tenant_id IS NULL
            """;

    /** The extensions of the tenant's users the replica holds. */
    private static final String TENANT_EXTENSIONS = "SELECT extension FROM known_user_extension WHERE tenant_id = ?";

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
            AssociationLock.exclusive(connection); // the ingest batches in flight commit first
            associate(connection, waitingCalls(connection, user.extensions(), user.tenantId()));
        }
    }

    /** A tenant learnt after its users: their extensions' calls could not take it when the users were learnt. */
    void onTenant(@Observes TenantKnown tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            AssociationLock.exclusive(connection);
            List<String> extensions = tenantExtensions(connection, tenant.tenantId());
            if (!extensions.isEmpty()) {
                associate(connection, waitingCalls(connection, extensions, tenant.tenantId()));
            }
        }
    }

    private void associate(Connection connection, List<UUID> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        association.associate(connection, calls);
        changes.publish(connection, calls, Set.copyOf(calls));
    }

    private static List<UUID> waitingCalls(Connection connection, Collection<String> extensions, UUID tenant)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(WAITING_CALLS)) {
            Array numbers = connection.createArrayOf("text", extensions.toArray());
            query.setArray(1, numbers);
            query.setObject(2, tenant);
            query.setArray(3, numbers);
            query.setArray(4, numbers);
            List<UUID> calls = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.add(rows.getObject(1, UUID.class));
                }
            }
            return calls;
        }
    }

    private static List<String> tenantExtensions(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TENANT_EXTENSIONS)) {
            query.setObject(1, tenant);
            List<String> extensions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    extensions.add(rows.getString(1));
                }
            }
            return extensions;
        }
    }
}
