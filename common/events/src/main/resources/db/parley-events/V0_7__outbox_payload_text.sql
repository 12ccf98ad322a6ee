-- The outbox keeps an event's JSON as the publisher wrote it, to be sent as it is: as jsonb it was parsed on insert
-- and printed again for the relay (with its keys reordered), work that no one needed.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE text;
