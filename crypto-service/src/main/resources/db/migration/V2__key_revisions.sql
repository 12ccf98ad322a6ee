-- Each key's revision: 1 when created, one more with every change, carried in its crypto.keys events so that
-- call-service applies a key's changes in the order they were committed (docs/events.md). ADD COLUMN with a constant
-- default rewrites no rows.
ALTER TABLE encrypt_key ADD COLUMN revision bigint NOT NULL DEFAULT 1;
