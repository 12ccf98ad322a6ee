package io.parley.directory.user;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person or system account of a tenant (reference 3.7.1). Its extensions and managed groups live in their own
 * tables, kept by {@link UserLinks}.
 */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "role_id", nullable = false)
    public UUID roleId;

    /** The user's group, if any (reference 3.4); a group with users cannot be deleted. */

    @Column(nullable = false)
    public String name;

    /**
     * 1 when created, one more with every change; the object's events carry it so that replicas apply them in order.
     * Changed only under the row's lock.
     */
    @Column(nullable = false)
    public long revision = 1;

    @Column(nullable = false)
    public String email = "";

    public String timezone;

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "can_login", nullable = false)
    public boolean canLogin;

    public String login;

    /** A bcrypt hash; the password itself is never stored, logged or returned. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "authenticate_type", nullable = false)
    public String authenticateType = "password";

    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    @Column(name = "valid_till")
    public OffsetDateTime validTill;

    @Column(nullable = false)
    public String record = "default";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "record_direction", nullable = false)
    public String[] recordDirection = { "in", "out" };

    @Column(name = "on_demand_default")
    public String onDemandDefault;

    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "recording_seat", nullable = false)
    public boolean recordingSeat;

    @Column(name = "monitoring_seat", nullable = false)
    public boolean monitoringSeat;

    @Column(name = "evaluation_seat", nullable = false)
    public boolean evaluationSeat;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static Optional<User> findByLogin(String login) {
        return find("login", login).firstResultOptional();
    }

    /** Whether the account may sign in now (API digest, Access): active, allowed to log in, not expired. */
    public boolean maySignInAt(OffsetDateTime now) {
        return active && canLogin && login != null && passwordHash != null
                && (validTill == null || validTill.isAfter(now));
    }
}
