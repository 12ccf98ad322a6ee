package io.parley.common.events.call;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.parley.common.events.DataVersion;

/** The data of {@code call.deleted}: which call is gone, with its participants and files. */
@DataVersion(1)
public record CallDeleted(@NotNull @Valid Key call) {

    public static CallDeleted of(UUID callId) {
        return new CallDeleted(new Key(callId));
    }

    public record Key(@NotNull UUID callId) {
    }
}
