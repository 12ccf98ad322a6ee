-- Shared by every service that publishes or consumes events. Versions 0.x are reserved for this location,
-- so that a service's own migrations (1 and up) never collide with them.

-- Events committed with a change and not yet acknowledged by Kafka (the transactional outbox).
CREATE TABLE outbox_event (
    position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     jsonb       NOT NULL,
    request_id  text,
    created_at  timestamptz NOT NULL
);

-- Events a consumer has applied, recorded in the same transaction as their effect (idempotent consumption).
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
