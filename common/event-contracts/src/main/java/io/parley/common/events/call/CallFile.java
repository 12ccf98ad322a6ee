package io.parley.common.events.call;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import io.parley.common.api.text.Bounded;

/**
 * A file of a call's audio (reference 3.1.2), keyed within its call by {@code file_id}. {@code file_size} and
 * {@code watermark} are what the recorder reported, else those of the stored audio; {@code file_path} is where
 * storage keeps it (docs/audio.md).
 */
public record CallFile(
        @NotBlank(message = Call.ID_RULE) @Bounded(value = Call.ID_BYTES, strip = false, message = Call.ID_RULE) String fileId,
        OffsetDateTime startTime,
        OffsetDateTime stopTime,
        @PositiveOrZero(message = "must be an integer from 0 to 9223372036854775807") Long fileSize,
        String filePath,
        @Bounded(value = Call.TEXT_BYTES, strip = false) String watermark) {
}
