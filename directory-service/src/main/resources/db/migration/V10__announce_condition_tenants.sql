-- Tenants whose calls are associated by condition are published again when directory-service starts
-- (tenant/TenantAnnouncements, V9__announce_again.sql): replicas now keep the condition, which they evaluate
-- (docs/recorder-events.md, "Conditions"), and learn it of tenants whose earlier events they did not keep it from.
UPDATE tenant SET announce_again = true WHERE associate_calls = 'condition';
