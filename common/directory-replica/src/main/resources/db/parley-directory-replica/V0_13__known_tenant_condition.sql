-- The condition of a tenant whose associate_calls is 'condition' (reference 3.6.1 associate_calls_condition), which
-- call association evaluates on calls of no tenant yet (docs/recorder-events.md, "Conditions"). Rows written before
-- hold '' until the tenant's next event, which directory-service publishes for every condition tenant when it starts
-- on the version that evaluates conditions (V10__announce_condition_tenants.sql).
ALTER TABLE known_tenant ADD COLUMN associate_calls_condition text NOT NULL DEFAULT '';
