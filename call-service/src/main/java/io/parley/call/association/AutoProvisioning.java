package io.parley.call.association;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.events.ProvisioningRequests;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.events.provisioning.UserProvisionRequestedData;

/**
 * Asks the directory for the users of calls no known user took part in, where the tenant provisions them (reference
 * 3.6.1: {@code record_unknown_users} record, {@code auto_provision} on, a provision group and role): one request per
 * agent's extension (participants the recorder typed {@code party_type} 1, AGENT), once per tenant and extension,
 * sent on {@code directory.provisioning} through the outbox. When the directory announces the user, the waiting
 * calls find it ({@link LateAssociation}). Rules: docs/recorder-events.md.
 */
@ApplicationScoped
public class AutoProvisioning {

    private static final int AGENT = 1;

    /** Remembers each new request and returns it; a tenant and extension already asked for returns nothing. */
    private static final String NEW_REQUESTS = """
            INSERT INTO provision_request (tenant_id, extension, name, call_id)
            SELECT DISTINCT ON (c.tenant_id, p.party_number) c.tenant_id, p.party_number, p.party_name, c.call_id
            FROM call c
            JOIN known_tenant t ON t.id = c.tenant_id AND t.deleted_at IS NULL AND t.auto_provision
                 AND t.record_unknown_users = 'record' AND t.provision_group_id IS NOT NULL
                 AND t.provision_role_id IS NOT NULL
            JOIN call_participant p ON p.call_id = c.call_id AND p.party_type = %d AND p.user_id IS NULL
                 AND p.party_number <> ''
            WHERE c.call_id = ANY(?)
              AND NOT EXISTS (SELECT 1 FROM call_participant k WHERE k.call_id = c.call_id AND k.user_id IS NOT NULL)
            ORDER BY c.tenant_id, p.party_number, c.call_id
            ON CONFLICT DO NOTHING
            RETURNING tenant_id, extension, name, call_id
            """.formatted(AGENT);

    private final Outbox outbox;

    AutoProvisioning(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Sends the requests the given calls need, in the caller's transaction and on its connection. */
    public void request(Connection connection, Collection<UUID> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        List<Outbox.Message> requests = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(NEW_REQUESTS)) {
            insert.setArray(1, connection.createArrayOf("uuid", calls.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    UUID tenant = rows.getObject("tenant_id", UUID.class);
                    requests.add(new Outbox.Message(tenant.toString(), ProvisioningRequests.USER_REQUESTED, tenant,
                            new UserProvisionRequestedData(tenant, rows.getString("extension"),
                                    rows.getString("name"), rows.getObject("call_id", UUID.class))));
                }
            }
        }
        outbox.publishAll(ProvisioningRequests.TOPIC, ProvisioningRequests.VERSION, requests);
    }
}
