package io.parley.common.events.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code tenant.created}, {@code tenant.updated} and {@code tenant.deleted}: the tenant as
 * {@code GET /api/v2/tenants/{id}.json} shows it, and whether it is the System tenant, whose {@code system} users reach
 * every tenant. Replicas know the System tenant by this flag alone, never by its name; events published before the
 * flag existed have none, which reads as {@code false}.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantData(@NotNull @Valid Tenant tenant, boolean systemTenant) {

    /** The tenant (OpenAPI {@code TenantView}); older events may lack the fieldsets. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Tenant(@NotNull UUID tenantId, @NotNull @Size(max = DirectoryBounds.NAME) String name,
            String timezone, Boolean encryptData, Licensing fieldsetLicensing,
            @Valid AssociateCalls fieldsetAssociateCalls) {
    }

    /** License limits (OpenAPI {@code TenantLicensing}); {@code null} is no limit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Licensing(Integer recordingSeats, Integer recordingSessions, Integer screenRecordingSeats,
            Integer monitoringSeats, Integer monitoringSessions, Integer evaluationSeats, Integer speechAnalytics) {
    }

    /**
     * How calls are associated with the tenant and its users (OpenAPI {@code TenantAssociateCalls}); a setting an
     * older event leaves out is {@code null}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssociateCalls(@Size(max = DirectoryBounds.SETTING) String extensionUniqueness,
            @Size(max = DirectoryBounds.SETTING) String associateCalls,
            @Size(max = DirectoryBounds.SETTING) String associateCallsCondition,
            @Size(max = DirectoryBounds.SETTING) String broadworksSpId,
            @Size(max = DirectoryBounds.SETTING) String broadworksGroupId,
            @Size(max = DirectoryBounds.SETTING) String sipUriHost,
            @Size(max = DirectoryBounds.SETTING) String ciscoPartition,
            @Size(max = DirectoryBounds.SETTING) String metaswitchSystem,
            @Size(max = DirectoryBounds.SETTING) String metaswitchGroup,
            @Size(max = DirectoryBounds.SETTING) String recordUnknownUsers, boolean autoProvision,
            UUID provisionRoleId, UUID provisionGroupId) {
    }
}
