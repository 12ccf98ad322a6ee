-- pg_trgm serves the text searches of directory-service and call-service, which migrate the same database at the
-- same time when the platform first starts. Two CREATE EXTENSION at once fail one of them (a duplicate key in
-- pg_extension), and that service with it. This migration runs before every service's own (its version is below
-- 1), creates the extension once under a database-wide lock, in pg_catalog, which every schema's search path holds,
-- so that their migrations find it there. Where an administrator or an earlier start installed it, nothing changes.
SELECT pg_advisory_xact_lock(hashtext('parley:extensions'));
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm SCHEMA pg_catalog;
    END IF;
END
$$;
