-- Users asked of the directory for calls of no known user (auto_provision, docs/recorder-events.md): one request per
-- tenant and extension, whatever the directory answers.
CREATE TABLE provision_request (
    tenant_id    uuid        NOT NULL,
    extension    text        NOT NULL,
    name         text,
    call_id      uuid        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, extension)
);

-- Participants still waiting for their user, found by number when the directory announces one.
CREATE INDEX call_participant_unassigned_idx ON call_participant (party_number) WHERE user_id IS NULL;
