package io.parley.common.events.call;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.parley.common.events.DataVersion;

/**
 * The data of {@code file.mismatched}: the audio stored for a file differs from what its recorder reported in
 * {@code file.completed} (size or SHA-1 watermark).
 */
@DataVersion(1)
public record FileMismatched(@NotNull @Valid File file) {

    public record File(@NotNull UUID callId, @NotNull String fileId, @NotNull Audio reported, @NotNull Audio stored) {
    }

    /** A size and a watermark, either {@code null} where the recorder did not report it. */
    public record Audio(Long fileSize, String watermark) {
    }
}
