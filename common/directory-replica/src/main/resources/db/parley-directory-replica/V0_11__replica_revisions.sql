-- The directory object's revision each row reflects (docs/events.md): an event is applied only when its revision is
-- higher. Rows made from events without a revision, published before objects had revisions, hold 0.
ALTER TABLE known_tenant ADD COLUMN revision bigint NOT NULL DEFAULT 0;
ALTER TABLE known_user ADD COLUMN revision bigint NOT NULL DEFAULT 0;
ALTER TABLE known_client ADD COLUMN revision bigint NOT NULL DEFAULT 0;
