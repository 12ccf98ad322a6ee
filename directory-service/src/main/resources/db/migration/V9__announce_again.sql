-- A tenant marked here has its state published again (tenant.updated, the next revision) when directory-service
-- starts (tenant/TenantAnnouncements), and the mark goes in the same transaction: a field its events gained then
-- reaches every replica, and stays on the compacted topic as the tenant's last event. The tenant events now say which
-- tenant is the System tenant (docs/events.md); replicas that hold the System tenant's earlier events learn it so.
ALTER TABLE tenant ADD COLUMN announce_again boolean NOT NULL DEFAULT false;
UPDATE tenant SET announce_again = true WHERE is_system;
