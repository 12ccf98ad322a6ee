package io.parley.call.muting;

import java.util.Arrays;

import io.parley.common.api.error.ApiException;
import io.parley.common.events.RecorderCommands;

/** The {@code action} of a muting request, and the recorder command that carries it out. */
enum MutingAction {
    MUTE("mute", RecorderCommands.CALL_MUTE),
    UNMUTE("unmute", RecorderCommands.CALL_UNMUTE);

    final String wireName;
    final String command;

    MutingAction(String wireName, String command) {
        this.wireName = wireName;
        this.command = command;
    }

    /** @throws ApiException 400 naming {@code action} when it is missing or unknown */
    static MutingAction of(String action) {
        return Arrays.stream(values()).filter(candidate -> candidate.wireName.equals(action)).findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("action", "must be mute or unmute"));
    }
}
