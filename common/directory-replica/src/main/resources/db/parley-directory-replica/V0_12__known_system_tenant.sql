-- Which tenant is the System tenant, whose system users reach every tenant: as the directory's tenant events say it
-- (data.system_tenant, docs/events.md), never by name. Rows written before hold false until the System tenant's next
-- event, which directory-service publishes when it starts on the version that says it (V9__announce_again.sql).
ALTER TABLE known_tenant ADD COLUMN is_system boolean NOT NULL DEFAULT false;
