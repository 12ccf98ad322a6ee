package io.parley.directory.tenant;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

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
 * The tenant fields a client may send on create or update. A field left out is {@code null} and, on update, keeps
 * its value; where {@code null} is itself a value (a timezone, a license limit, a provision id), the field is an
 * {@link Optional}: left out is {@code null}, sent as {@code null} is {@code Optional.empty()}. {@code tenant_id} is
 * read-only and {@code license_mode} deprecated: both are accepted and ignored. The constraints check each field on
 * its own; the service checks what depends on other rows or on the settings as a whole.
 */
@JsonIgnoreProperties(value = { "tenant_id", "license_mode" })
public record TenantInput(
        @NotNull(groups = OnCreate.class) @NotBlankWhenSent @Bounded(DirectoryLimits.NAME_BYTES) String name,
        Optional<@IanaTimezone String> timezone, Optional<Boolean> encryptData, @Valid Licensing fieldsetLicensing,
        @Valid AssociateCalls fieldsetAssociateCalls) {

    /** License limits: a number from 0, or {@code null} or {@code -1} for no limit. */
    @Schema(name = "TenantInputLicensing")
    @JsonIgnoreProperties(value = { "license_mode" })
    public record Licensing(Optional<@Limit Integer> recordingSeats, Optional<@Limit Integer> recordingSessions,
            Optional<@Limit Integer> screenRecordingSeats, Optional<@Limit Integer> monitoringSeats,
            Optional<@Limit Integer> monitoringSessions, Optional<@Limit Integer> evaluationSeats,
            Optional<@Limit Integer> speechAnalytics) {
    }

    /** Call association settings; {@code extension_uniquness} is the reference's own misspelling, accepted too. */
    @Schema(name = "TenantInputAssociateCalls")
    public record AssociateCalls(
            @JsonAlias("extension_uniquness") @OneOf( {
                    "systemwide", "tenant" }) String extensionUniqueness,
            @OneOf({ "extension", "broadworks_group", "metaswitch_group", "cisco_partition", "sip_uri_host",
                    "condition" }) String associateCalls,
            @Bounded(DirectoryLimits.SETTING_BYTES) String associateCallsCondition,
            @Bounded(DirectoryLimits.SETTING_BYTES) String broadworksSpId,
            @Bounded(DirectoryLimits.SETTING_BYTES) String broadworksGroupId,
            @Bounded(DirectoryLimits.SETTING_BYTES) String sipUriHost,
            @Bounded(DirectoryLimits.SETTING_BYTES) String ciscoPartition,
            @Bounded(DirectoryLimits.SETTING_BYTES) String metaswitchSystem,
            @Bounded(DirectoryLimits.SETTING_BYTES) String metaswitchGroup,
            @OneOf({ "record", "ignore" }) String recordUnknownUsers, Boolean autoProvision,
            Optional<UUID> provisionRoleId, Optional<UUID> provisionGroupId){
    }

    /** A create with only a name, as the bootstrap makes the System tenant. */
    static TenantInput named(String name) {
        return new TenantInput(name, null, null, null, null);
    }

    /** The request envelope: {@code {"tenant": {...}}}. */
    @Schema(name = "TenantInputDocument")
    public record Document(TenantInput tenant) {
    }
}
