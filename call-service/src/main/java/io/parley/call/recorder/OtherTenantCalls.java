package io.parley.call.recorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.call.association.CallAssociation;
import io.parley.call.association.CallAssociation.Found;
import io.parley.call.association.CallAssociation.NewCall;
import io.parley.call.association.CallAssociation.RecorderTenant;
import io.parley.call.association.TenantConditions;
import io.parley.call.ingest.RecorderEvent;
import io.parley.call.ingest.RecorderEvent.Part;
import io.parley.common.events.recording.RecordingEvent;
import io.parley.common.sql.Jdbc;

/**
 * Finds, among the events a tenant's recorder posts, the first whose call is or would be another tenant's, so that the
 * request is refused before anything of it is published: a stored call that is not the tenant's (another tenant's,
 * or no tenant's, which no tenant's recorder may take), or an event whose numbers and identities associate its call
 * with another tenant ({@link CallAssociation}'s rules, on what the event says). Ingest checks again when it applies
 * the events, on the whole call as it is then, and sets aside what would cross (docs/recorder-events.md).
 */
@ApplicationScoped
class OtherTenantCalls {

    /** The position of the refused event in the request, and why, in words that name no other tenant. */
    record Crossing(int index, String field, String reason) {
    }

    private static final String NOT_THE_TENANTS = "is not a call of the recorder's tenant";

    private final DataSource dataSource;
    private final CallAssociation association;
    private final TenantConditions tenantConditions;

    OtherTenantCalls(DataSource dataSource, CallAssociation association, TenantConditions tenantConditions) {
        this.dataSource = dataSource;
        this.association = association;
        this.tenantConditions = tenantConditions;
    }

    /** The first event of the request, in its order, whose call is or would be another tenant's than {@code tenant}. */
    Optional<Crossing> first(List<RecorderEvent> events, UUID tenant) {
        return Jdbc.on(dataSource, "Checking the tenant of posted recorder events", connection -> {
            Map<UUID, Optional<UUID>> stored = storedTenants(connection, events);
            List<Crossing> crossings = new ArrayList<>();
            // the others associated each on its own, under an id of its own, as the call it would make or change
            Map<UUID, Integer> probes = new LinkedHashMap<>();
            List<NewCall> calls = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                RecorderEvent event = events.get(i);
                Optional<UUID> storedTenant = stored.get(event.callId());
                if (storedTenant != null && storedTenant.isPresent()) {
                    if (!storedTenant.get().equals(tenant)) {
                        crossings.add(new Crossing(i, callIdField(event), NOT_THE_TENANTS));
                    }
                    continue; // a call's tenant stays: nothing the event says moves it
                }
                UUID probe = UUID.randomUUID();
                probes.put(probe, i);
                calls.add(new NewCall(probe, event.call(), numbers(event),
                        new RecorderTenant(tenant, storedTenant == null)));
            }
            Map<UUID, Found> found = association.ofNewCalls(connection, calls, tenantConditions.read(connection));
            probes.forEach((probe, i) -> {
                if (found.containsKey(probe) && found.get(probe).crosses()) {
                    RecorderEvent event = events.get(i);
                    crossings.add(stored.containsKey(event.callId())
                            ? new Crossing(i, callIdField(event), NOT_THE_TENANTS)
                            : new Crossing(i, "call", "would be associated with another tenant by its numbers or"
                                    + " identities"));
                }
            });
            return crossings.stream().min(Comparator.comparingInt(Crossing::index));
        });
    }

    /** The tenant of each of the events' calls already stored; empty for a stored call of no tenant. */
    private static Map<UUID, Optional<UUID>> storedTenants(Connection connection, List<RecorderEvent> events)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT call_id, tenant_id FROM call WHERE call_id = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", events.stream().map(RecorderEvent::callId)
                    .distinct().toArray()));
            Map<UUID, Optional<UUID>> tenants = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tenants.put(rows.getObject(1, UUID.class), Optional.ofNullable(rows.getObject(2, UUID.class)));
                }
            }
            return tenants;
        }
    }

    private static Map<String, String> numbers(RecorderEvent event) {
        Map<String, String> numbers = new HashMap<>();
        for (Part participant : event.participants()) {
            numbers.put(participant.id(), (String) participant.fields().get("party_number"));
        }
        return numbers;
    }

    private static String callIdField(RecorderEvent event) {
        return event.type() == RecordingEvent.Type.FILE_COMPLETED ? "call_id" : "call.call_id";
    }
}
