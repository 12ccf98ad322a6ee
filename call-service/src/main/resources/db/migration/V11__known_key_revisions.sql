-- The key's revision each row reflects (docs/events.md): a crypto.keys event is applied only when its revision is
-- higher. Rows made from events without a revision, published before keys had revisions, hold 0.
ALTER TABLE known_encrypt_key ADD COLUMN revision bigint NOT NULL DEFAULT 0;
