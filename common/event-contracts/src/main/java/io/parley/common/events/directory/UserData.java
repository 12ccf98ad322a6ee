package io.parley.common.events.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code user.created}, {@code user.updated} and {@code user.deleted}: the user as
 * {@code GET /api/v2/users/{id}.json} shows it (for a deletion, as they were). Never the password.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserData(@NotNull @Valid User user) {

    /** The user (OpenAPI {@code UserView}); {@code tenant_id} is the tenant they belong to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record User(@NotNull UUID userId, @NotNull UUID tenantId,
            @NotNull @Size(max = DirectoryBounds.NAME) String name, UUID groupId, UUID roleId, boolean isActive,
            String email, String timezone, List<UUID> managedGroups, @Valid Login fieldsetLogin,
            @Valid Recording fieldsetRecording, Licensing fieldsetLicensing) {

        /** The user's extensions; none when the event leaves them out. */
        public List<String> extensions() {
            return fieldsetRecording == null || fieldsetRecording.extensions() == null ? List.of()
                    : fieldsetRecording.extensions();
        }

        /** The user's login, {@code null} when they have none or the event leaves it out. */
        public String login() {
            return fieldsetLogin == null ? null : fieldsetLogin.login();
        }
    }

    /** OpenAPI {@code UserLogin}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Login(boolean canLogin, @Size(max = DirectoryBounds.NAME) String login, String authenticateType,
            boolean mustChangePassword, OffsetDateTime validTill) {
    }

    /** OpenAPI {@code UserRecording}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recording(String record,
            @Size(max = DirectoryBounds.ENTRIES) List<@NotNull @Size(max = DirectoryBounds.NUMBER) String> extensions,
            boolean confidential, List<String> recordDirection, String onDemandDefault) {
    }

    /** OpenAPI {@code UserLicensing}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Licensing(boolean recordingSeat, boolean monitoringSeat, boolean evaluationSeat) {
    }
}
