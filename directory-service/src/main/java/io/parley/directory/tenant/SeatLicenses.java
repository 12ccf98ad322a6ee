package io.parley.directory.tenant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * License seats held by users (fieldset_licensing of a user) against the limits of their tenant (fieldset_licensing
 * of the tenant): recording, monitoring and evaluation seats.
 */
@ApplicationScoped
public class SeatLicenses {

    /** The user seat flags and the matching tenant counters. */
    public enum Seat {
        RECORDING("recording_seat", "recording_seats"),
        MONITORING("monitoring_seat", "monitoring_seats"),
        EVALUATION("evaluation_seat", "evaluation_seats");

        public final String userField;
        public final String tenantField;

        Seat(String userField, String tenantField) {
            this.userField = userField;
            this.tenantField = tenantField;
        }
    }

    private final EntityManager entityManager;

    SeatLicenses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many users of the tenant, other than {@code exceptUser}, hold the seat. */
    public long holders(UUID tenantId, Seat seat, UUID exceptUser) {
        // the column names come from the enum above, never from input
        Number count = (Number) entityManager.createNativeQuery("SELECT count(*) FROM app_user WHERE tenant_id = :tenant"
                + " AND " + seat.userField + " AND id <> :user")
                .setParameter("tenant", tenantId)
                .setParameter("user", exceptUser == null ? new UUID(0, 0) : exceptUser)
                // the count leaves the user being written out: its pending changes stay pending until the service
                // writes them where it can answer a conflict
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        return count.longValue();
    }
}
