ALTER TABLE recording ADD CONSTRAINT recording_seconds_check CHECK (seconds >= 0) NOT VALID;
