package io.parley.directory.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.events.directory.UserData;

/**
 * A user as the API shows it (reference 3.7.1); the directory's events carry the same fields ({@link #event}). The
 * password is write-only and never here. {@code tenant_id}, read-only, tells which tenant the user belongs to.
 */
@Schema(requiredProperties = { "user_id", "tenant_id", "name", "group_id", "role_id", "is_active", "email", "timezone",
        "managed_groups", "fieldset_login", "fieldset_recording", "fieldset_licensing" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserView(UUID userId, UUID tenantId, String name, UUID groupId, UUID roleId, boolean isActive,
        @Schema(nullable = true) String email, @Schema(nullable = true) String timezone, List<UUID> managedGroups,
        Login fieldsetLogin, Recording fieldsetRecording,
        Licensing fieldsetLicensing) {

    @Schema(name = "UserLogin", requiredProperties = { "can_login", "login", "authenticate_type", "must_change_password",
            "valid_till" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Login(boolean canLogin, @Schema(nullable = true) String login,
            @Schema(nullable = true) String authenticateType, boolean mustChangePassword,
            @Schema(nullable = true) OffsetDateTime validTill) {
    }

    @Schema(name = "UserRecording", requiredProperties = { "record", "extensions", "confidential", "record_direction",
            "on_demand_default" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recording(@Schema(nullable = true) String record, List<String> extensions, boolean confidential,
            List<String> recordDirection,
            @Schema(nullable = true) String onDemandDefault) {
    }

    @Schema(name = "UserLicensing", requiredProperties = { "recording_seat", "monitoring_seat", "evaluation_seat" })
    public record Licensing(boolean recordingSeat, boolean monitoringSeat, boolean evaluationSeat) {
    }

    public static UserView of(User user, List<String> extensions, List<UUID> managedGroups) {
        return new UserView(user.id, user.tenantId, user.name, user.groupId, user.roleId, user.active, user.email,
                user.timezone, managedGroups,
                new Login(user.canLogin, user.login, user.authenticateType, user.mustChangePassword, user.validTill),
                new Recording(user.record, extensions, user.confidential, List.of(user.recordDirection),
                        user.onDemandDefault),
                new Licensing(user.recordingSeat, user.monitoringSeat, user.evaluationSeat));
    }

    /** The {@code data} of the user's events. */
    public UserData event() {
        Login l = fieldsetLogin;
        Recording r = fieldsetRecording;
        Licensing s = fieldsetLicensing;
        return new UserData(new UserData.User(userId, tenantId, name, groupId, roleId, isActive, email, timezone,
                managedGroups,
                new UserData.Login(l.canLogin(), l.login(), l.authenticateType(), l.mustChangePassword(),
                        l.validTill()),
                new UserData.Recording(r.record(), r.extensions(), r.confidential(), r.recordDirection(),
                        r.onDemandDefault()),
                new UserData.Licensing(s.recordingSeat(), s.monitoringSeat(), s.evaluationSeat())));
    }

    /** The single-object envelope: {@code {"user": {...}}}. */
    @Schema(name = "UserDocument", requiredProperties = "user")
    public record Document(UserView user) {
    }
}
