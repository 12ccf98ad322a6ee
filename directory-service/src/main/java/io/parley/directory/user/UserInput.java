package io.parley.directory.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The user fields a client may send on create or update. A field left out is {@code null} and, on update, keeps its
 * value; where {@code null} is itself a value (timezone, valid_till, on_demand_default) the field is an
 * {@link Optional}: sent as {@code null} it is {@code Optional.empty()}. Read-only fields are ignored.
 */
@JsonIgnoreProperties(value = { "user_id", "tenant_id" })
public record UserInput(String name, UUID groupId, UUID roleId, Boolean isActive, String email,
        Optional<String> timezone, List<UUID> managedGroups, Login fieldsetLogin, Recording fieldsetRecording,
        Licensing fieldsetLicensing) {

    /** {@code mush_change_password} is the reference's misspelling of {@code must_change_password}; both are read. */
    @Schema(name = "UserInputLogin")
    public record Login(Boolean canLogin, String login, String password, String authenticateType,
            @JsonAlias("mush_change_password") Boolean mustChangePassword,
            @Schema(nullable = true) Optional<OffsetDateTime> validTill) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Login[login=" + login + "]";
        }
    }

    @Schema(name = "UserInputRecording")
    public record Recording(String record, List<String> extensions, Boolean confidential, List<String> recordDirection,
            Optional<String> onDemandDefault) {
    }

    @Schema(name = "UserInputLicensing")
    public record Licensing(Boolean recordingSeat, Boolean monitoringSeat, Boolean evaluationSeat) {
    }

    /** The request envelope: {@code {"user": {...}}}. */
    @Schema(name = "UserInputDocument")
    public record Document(UserInput user) {
    }
}
