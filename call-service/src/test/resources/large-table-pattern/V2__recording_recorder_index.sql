CREATE INDEX CONCURRENTLY IF NOT EXISTS recording_recorder_idx ON recording (recorder);
