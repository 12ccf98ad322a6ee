package io.parley.directory.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.api.text.Bounded;
import io.parley.common.api.text.NotBlankWhenSent;
import io.parley.common.api.text.OneOf;
import io.parley.common.api.time.IanaTimezone;
import io.parley.directory.DirectoryLimits;
import io.parley.directory.OnCreate;

/**
 * The user fields a client may send on create or update. A field left out is {@code null} and, on update, keeps its
 * value; where {@code null} is itself a value (timezone, valid_till, on_demand_default) the field is an
 * {@link Optional}: sent as {@code null} it is {@code Optional.empty()}. Read-only fields are ignored. The constraints
 * check each field on its own; the service checks references to groups and roles, uniqueness, the caller's rights,
 * and what depends on the user as it will be (a user who can log in needs a login).
 */
@JsonIgnoreProperties(value = { "user_id", "tenant_id" })
public record UserInput(
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent @Bounded(DirectoryLimits.NAME_BYTES) String name,
        @NotNull(groups = OnCreate.class) UUID groupId, @NotNull(groups = OnCreate.class) UUID roleId,
        Boolean isActive,
        @Bounded(DirectoryLimits.NAME_BYTES) String email,
        Optional<@IanaTimezone String> timezone,
        @Size(max = DirectoryLimits.LIST_ENTRIES, message = ENTRIES) List<UUID> managedGroups,
        @Valid Login fieldsetLogin, @Valid Recording fieldsetRecording, Licensing fieldsetLicensing) {

    private static final String ENTRIES = "must have at most {max} entries";

    /** A request body without the user: every field left out. */
    static final UserInput ABSENT = new UserInput(null, null, null, null, null, null, null, null, null, null);

    /**
     * {@code mush_change_password} is the reference's misspelling of {@code must_change_password}; both are read.
     */
    @Schema(name = "UserInputLogin")
    public record Login(Boolean canLogin,
            @Bounded(DirectoryLimits.NAME_BYTES) String login,
            String password,
            @OneOf(value = {
                    "password", "ldap" }, message = "must be password or ldap") String authenticateType,
            @JsonAlias("mush_change_password") Boolean mustChangePassword,
            @Schema(nullable = true) Optional<OffsetDateTime> validTill){

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Login[login=" + login + "]";
        }
    }

    @Schema(name = "UserInputRecording")
    public record Recording(
            @OneOf(value = {
                    "always", "ondemand", "never",
                    "default" }, message = "must be one of always, ondemand, never, default") String record,
            @Size(max = DirectoryLimits.LIST_ENTRIES, message = ENTRIES) List<String> extensions, Boolean confidential,
            List<String> recordDirection,
            Optional<@OneOf(value = { "keep", "discard" }, message = "must be keep, discard or null") String> onDemandDefault){
    }

    @Schema(name = "UserInputLicensing")
    public record Licensing(Boolean recordingSeat, Boolean monitoringSeat, Boolean evaluationSeat) {
    }

    /** The request envelope: {@code {"user": {...}}}. */
    @Schema(name = "UserInputDocument")
    public record Document(UserInput user) {
    }
}
