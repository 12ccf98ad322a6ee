package io.parley.common.events.key;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code encrypt_key.grant_revoked}: whose grant of which key was revoked. Consumers that keep
 * what the user opened with the key drop it.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantRevokedData(@NotNull @Valid AuthorizedUser authorizedUser) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthorizedUser(@NotNull UUID keyId, @NotNull UUID userId) {
    }
}
