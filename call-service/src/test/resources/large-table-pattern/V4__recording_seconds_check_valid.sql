ALTER TABLE recording VALIDATE CONSTRAINT recording_seconds_check;
