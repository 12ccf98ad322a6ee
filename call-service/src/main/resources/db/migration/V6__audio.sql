-- Audio files uploaded by recorders (PUT /recorder/v1/calls/{call_id}/files/{file_id}, docs/audio.md).
-- file_size and watermark stay what the recorder reported (file.completed); the stored_* columns are what Parley
-- measured while storing the bytes, and integrity compares the two.
ALTER TABLE call_file
    ADD COLUMN storage_key      text,
    ADD COLUMN format           text,
    ADD COLUMN stored_size      bigint CHECK (stored_size >= 0),
    ADD COLUMN stored_watermark text,
    ADD COLUMN stored_at        timestamptz,
    -- NULL: no audio stored; unverified: stored, nothing reported to compare; verified: what was reported;
    -- mismatch: the reported file_size or watermark differs from the stored bytes
    ADD COLUMN integrity        text CHECK (integrity IN ('unverified', 'verified', 'mismatch'));

CREATE INDEX call_file_mismatch ON call_file (call_id) WHERE integrity = 'mismatch';

-- Stored objects to delete, written in the transaction that drops their row (a deleted call, file or a replaced
-- upload), so that audio is deleted only once that transaction commits, and never forgotten if storage is down:
-- the deletion job (media/AudioDeletions) removes a row only after the object is gone.
CREATE TABLE audio_deletion (
    storage_key     text PRIMARY KEY,
    enqueued_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now()
);

-- A trigger rather than code in each place that deletes calls (the calls API, association dropping calls of unknown
-- users, cascades): whatever removes a file's row, its audio follows.
CREATE FUNCTION enqueue_audio_deletion() RETURNS trigger AS $$
BEGIN
    INSERT INTO audio_deletion (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER call_file_audio_deleted AFTER DELETE ON call_file
    FOR EACH ROW WHEN (OLD.storage_key IS NOT NULL) EXECUTE FUNCTION enqueue_audio_deletion();

CREATE TRIGGER call_file_audio_replaced AFTER UPDATE OF storage_key ON call_file
    FOR EACH ROW WHEN (OLD.storage_key IS NOT NULL AND OLD.storage_key IS DISTINCT FROM NEW.storage_key)
    EXECUTE FUNCTION enqueue_audio_deletion();
