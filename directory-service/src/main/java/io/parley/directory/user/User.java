package io.parley.directory.user;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person or system account of a tenant; with a login it may use the API. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "role_id", nullable = false)
    public UUID roleId;

    /** The user's group, if any (reference 3.4); a group with users cannot be deleted. */
    @Column(name = "group_id")
    public UUID groupId;

    @Column(nullable = false)
    public String name;

    public String login;

    /** A bcrypt hash; the password itself is never stored, logged or returned. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "is_active", nullable = false)
    public boolean active = true;

    @Column(name = "can_login", nullable = false)
    public boolean canLogin;

    @Column(name = "valid_till")
    public OffsetDateTime validTill;

    public String timezone;

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
