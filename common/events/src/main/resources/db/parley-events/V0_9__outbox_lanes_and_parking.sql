-- Each topic is relayed as a lane of its own, oldest first; an event Kafka can never accept is parked, with the later
-- events of its key behind it, until it is accepted (OutboxRelay). parked_at is when it was first parked, the reason
-- Kafka's refusal or the event it waits behind.
ALTER TABLE outbox_event
    ADD COLUMN parked_at     timestamptz,
    ADD COLUMN parked_reason text;

-- A lane's next batch: its oldest events that are not parked.
CREATE INDEX outbox_event_lane_idx ON outbox_event (topic, position) WHERE parked_at IS NULL;

-- Whether a key has parked events, and the first of them (the one Kafka refused).
CREATE INDEX outbox_event_parked_idx ON outbox_event (topic, message_key, position) WHERE parked_at IS NOT NULL;
