-- The calls API's search (docs/calls.md), designed for millions of calls across many tenants. Lists are ordered by
-- setup_time then call_id, so each scope and common filter has an index in that order, from which a page is read
-- without sorting: all calls (root), a tenant's, a group's, the active ones. A user's own calls, and a manager's
-- groups' users' calls, are found through their participants. Partial text (includes, starts_with, ends_with, pattern, search_term) on phone numbers and
-- names is served by trigram indexes.

CREATE INDEX call_setup_time_idx ON call (setup_time DESC, call_id DESC);
CREATE INDEX call_tenant_setup_time_idx ON call (tenant_id, setup_time DESC, call_id DESC);
CREATE INDEX call_group_setup_time_idx ON call (group_id, setup_time DESC, call_id DESC) WHERE group_id IS NOT NULL;
CREATE INDEX call_active_setup_time_idx ON call (tenant_id, setup_time DESC, call_id DESC) WHERE ended_at IS NULL;
CREATE INDEX call_client_idx ON call (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX call_broadworks_user_idx ON call (broadworks_user_id) WHERE broadworks_user_id IS NOT NULL;
CREATE INDEX call_broadworks_group_idx ON call (broadworks_group_id) WHERE broadworks_group_id IS NOT NULL;
CREATE INDEX call_participant_user_idx ON call_participant (user_id, call_id) WHERE user_id IS NOT NULL;
-- a manager's calls: the managed groups' users (replicated from the directory)
CREATE INDEX known_user_group_idx ON known_user (group_id);

-- pg_trgm lives in one schema of the database, shared by the services' schemas. Installed here, it goes to
-- pg_catalog, which every schema's search path includes: directory-service, migrating the same database at the same
-- time, finds its operator classes too (installed in the calls schema, it would not). Installed before, by the
-- directory in its schema or by an administrator, it is used where it is.
DO $$
DECLARE
    trgm text;
    text_column text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm SCHEMA pg_catalog;
    END IF;
    SELECT n.nspname INTO trgm FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    FOREACH text_column IN ARRAY ARRAY['from_number', 'to_number', 'from_name', 'to_name'] LOOP
        EXECUTE format('CREATE INDEX %I ON call USING gin (%I %I.gin_trgm_ops)',
                       'call_' || text_column || '_trgm_idx', text_column, trgm);
    END LOOP;
END
$$;

-- Calls deleted through the API are kept here too, so that their recorders' late events do not bring them back.
COMMENT ON TABLE ignored_call IS 'Calls dropped: ignored unknown users'' calls, and calls deleted through the API';
