-- Each directory object's revision: 1 when created, one more with every change, carried in its events so that
-- replicas apply an object's changes in the order they were committed (docs/events.md). A row that exists already
-- starts at 1; its next change publishes 2. ADD COLUMN with a constant default rewrites no rows.
ALTER TABLE tenant ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE app_user ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE client ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE user_group ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE role ADD COLUMN revision bigint NOT NULL DEFAULT 1;
