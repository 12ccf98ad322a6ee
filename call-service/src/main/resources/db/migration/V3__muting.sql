-- Pause and resume recording (reference 3.1.8, 3.7.7): every request, who made it and when, with the id of the command
-- sent to the call's recorder on recorder.commands (docs/muting.md). The latest row of a call is its muting state.
CREATE TABLE call_muting (
    command_id    uuid PRIMARY KEY,
    call_id       uuid        NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
    action        text        NOT NULL CHECK (action IN ('mute', 'unmute')),
    requested_by  uuid        NOT NULL,
    requested_at  timestamptz NOT NULL
);
CREATE INDEX call_muting_call_idx ON call_muting (call_id, requested_at);

-- A user's active call is found through the user's participations (the calls search adds the same index in V2).
CREATE INDEX IF NOT EXISTS call_participant_user_idx ON call_participant (user_id, call_id) WHERE user_id IS NOT NULL;
