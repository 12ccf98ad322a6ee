package io.parley.directory.tenant;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.events.directory.TenantData;

/** A tenant as the API shows it (reference 3.6.1); the directory's events carry the same fields ({@link #event}). */
@Schema(requiredProperties = { "tenant_id", "name", "timezone", "encrypt_data", "fieldset_licensing",
        "fieldset_associate_calls" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TenantView(UUID tenantId, String name, @Schema(nullable = true) String timezone,
        @Schema(nullable = true) Boolean encryptData,
        Licensing fieldsetLicensing, AssociateCalls fieldsetAssociateCalls) {

    /** License limits; {@code null} is no limit. */
    @Schema(name = "TenantLicensing", requiredProperties = { "recording_seats", "recording_sessions",
            "screen_recording_seats", "monitoring_seats", "monitoring_sessions", "evaluation_seats",
            "speech_analytics" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Licensing(@Schema(nullable = true) Integer recordingSeats, @Schema(nullable = true) Integer recordingSessions,
            @Schema(nullable = true) Integer screenRecordingSeats,
            @Schema(nullable = true) Integer monitoringSeats, @Schema(nullable = true) Integer monitoringSessions,
            @Schema(nullable = true) Integer evaluationSeats, @Schema(nullable = true) Integer speechAnalytics) {
    }

    /** How calls are associated with the tenant and its users. */
    @Schema(name = "TenantAssociateCalls", requiredProperties = { "extension_uniqueness", "associate_calls",
            "associate_calls_condition", "broadworks_sp_id", "broadworks_group_id", "sip_uri_host", "cisco_partition",
            "metaswitch_system", "metaswitch_group", "record_unknown_users", "auto_provision", "provision_role_id",
            "provision_group_id" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssociateCalls(String extensionUniqueness, String associateCalls, String associateCallsCondition,
            String broadworksSpId, String broadworksGroupId, String sipUriHost, String ciscoPartition,
            String metaswitchSystem, String metaswitchGroup, String recordUnknownUsers, boolean autoProvision,
            @Schema(nullable = true) UUID provisionRoleId, @Schema(nullable = true) UUID provisionGroupId) {
    }

    static TenantView of(Tenant tenant) {
        TenantLicensing licensing = tenant.licensing;
        CallAssociation association = tenant.association;
        return new TenantView(tenant.id, tenant.name, tenant.timezone, tenant.encryptData,
                new Licensing(licensing.recordingSeats, licensing.recordingSessions, licensing.screenRecordingSeats,
                        licensing.monitoringSeats, licensing.monitoringSessions, licensing.evaluationSeats,
                        licensing.speechAnalytics),
                new AssociateCalls(association.extensionUniqueness, association.associateCalls,
                        association.associateCallsCondition, association.broadworksSpId, association.broadworksGroupId,
                        association.sipUriHost, association.ciscoPartition, association.metaswitchSystem,
                        association.metaswitchGroup, association.recordUnknownUsers, association.autoProvision,
                        association.provisionRoleId, association.provisionGroupId));
    }

    /** The single-object envelope: {@code {"tenant": {...}}}. */
    @Schema(name = "TenantDocument", requiredProperties = "tenant")
    public record Document(TenantView tenant) {
    }

    /** The {@code data} of the tenant's events, which says whether it is the System tenant. */
    public TenantData event(boolean systemTenant) {
        Licensing l = fieldsetLicensing;
        AssociateCalls a = fieldsetAssociateCalls;
        return new TenantData(new TenantData.Tenant(tenantId, name, timezone, encryptData,
                new TenantData.Licensing(l.recordingSeats(), l.recordingSessions(), l.screenRecordingSeats(),
                        l.monitoringSeats(), l.monitoringSessions(), l.evaluationSeats(), l.speechAnalytics()),
                new TenantData.AssociateCalls(a.extensionUniqueness(), a.associateCalls(),
                        a.associateCallsCondition(), a.broadworksSpId(), a.broadworksGroupId(), a.sipUriHost(),
                        a.ciscoPartition(), a.metaswitchSystem(), a.metaswitchGroup(), a.recordUnknownUsers(),
                        a.autoProvision(), a.provisionRoleId(), a.provisionGroupId())),
                systemTenant);
    }
}
