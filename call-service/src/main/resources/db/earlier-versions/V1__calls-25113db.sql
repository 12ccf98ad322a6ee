-- V1__calls.sql as of commit 25113db made the call without its group and client, and no table of ignored calls.
ALTER TABLE call ADD COLUMN IF NOT EXISTS group_id uuid, ADD COLUMN IF NOT EXISTS client_id uuid;
CREATE TABLE IF NOT EXISTS ignored_call (
    call_id    uuid PRIMARY KEY,
    ignored_at timestamptz NOT NULL DEFAULT now()
);
