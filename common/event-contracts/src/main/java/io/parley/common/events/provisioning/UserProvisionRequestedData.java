package io.parley.common.events.provisioning;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code user.provision_requested}: call-service asks the directory for a user holding
 * {@code extension} in the tenant, for the agent of the call {@code call_id}, which no known user took part in.
 * {@code name} is the agent's name as the recorder gave it, {@code null} when it gave none. Their bounds are the
 * directory's rules for a user, which log and drop a request they refuse rather than set it aside.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserProvisionRequestedData(@NotNull UUID tenantId, @NotBlank String extension, String name,
        @NotNull UUID callId) {
}
