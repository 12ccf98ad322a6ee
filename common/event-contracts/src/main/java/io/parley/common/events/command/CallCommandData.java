package io.parley.common.events.command;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.parley.common.events.DataVersion;

/**
 * The {@code data} of {@code call.mute} and {@code call.unmute} (docs/recorder-events.md, "Commands"): pause or resume
 * recording the call; the recorder whose {@code recorder_id} it is acts on it, and {@code requested_by} is the user
 * who asked.
 */
@DataVersion(1)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallCommandData(@NotNull UUID callId, @NotNull UUID recorderId, @NotNull UUID requestedBy) {
}
