package io.parley.common.events.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.parley.common.events.DataVersion;

/**
 * A call under its singular name, {@code {"call": {...}}}: how the API answers for one call and the data of
 * {@code call.created} and {@code call.updated}, the call as it is after the change.
 */
@DataVersion(1)
public record CallDocument(@NotNull @Valid Call call) {
}
