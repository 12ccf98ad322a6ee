-- A deleted tenant stays as a tombstone: an update the directory made before the delete, arriving late, must not
-- bring the tenant back.
ALTER TABLE known_tenant ADD COLUMN deleted_at timestamptz;
