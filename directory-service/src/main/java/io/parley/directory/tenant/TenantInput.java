package io.parley.directory.tenant;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The tenant fields a client may send on create or update. A field left out is {@code null} and, on update, keeps
 * its value; where {@code null} is itself a value (a timezone, a license limit, a provision id), the field is an
 * {@link Optional}: left out is {@code null}, sent as {@code null} is {@code Optional.empty()}. {@code tenant_id} is
 * read-only and {@code license_mode} deprecated: both are accepted and ignored.
 */
@JsonIgnoreProperties(value = { "tenant_id", "license_mode" })
public record TenantInput(String name, Optional<String> timezone, Optional<Boolean> encryptData,
        Licensing fieldsetLicensing, AssociateCalls fieldsetAssociateCalls) {

    /** License limits: a number from 0, or {@code null} or {@code -1} for no limit. */
    @Schema(name = "TenantInputLicensing")
    @JsonIgnoreProperties(value = { "license_mode" })
    public record Licensing(Optional<Integer> recordingSeats, Optional<Integer> recordingSessions,
            Optional<Integer> screenRecordingSeats, Optional<Integer> monitoringSeats,
            Optional<Integer> monitoringSessions, Optional<Integer> evaluationSeats,
            Optional<Integer> speechAnalytics) {
    }

    /** Call association settings; {@code extension_uniquness} is the reference's own misspelling, accepted too. */
    @Schema(name = "TenantInputAssociateCalls")
    public record AssociateCalls(@JsonAlias("extension_uniquness") String extensionUniqueness, String associateCalls,
            String associateCallsCondition, String broadworksSpId, String broadworksGroupId, String sipUriHost,
            String ciscoPartition, String metaswitchSystem, String metaswitchGroup, String recordUnknownUsers,
            Boolean autoProvision, Optional<UUID> provisionRoleId, Optional<UUID> provisionGroupId) {
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
