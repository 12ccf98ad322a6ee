-- The calls API's search (docs/calls.md), designed for millions of calls across many tenants. Lists are ordered by
-- setup_time then call_id, so each scope and common filter has an index in that order, from which a page is read
-- without sorting: all calls (root), a tenant's, a group's, the active ones. A user's own calls are found through
-- their participants. Partial text (includes, starts_with, ends_with, pattern, search_term) on phone numbers and
-- names is served by trigram indexes.

CREATE INDEX call_setup_time_idx ON call (setup_time DESC, call_id DESC);
CREATE INDEX call_tenant_setup_time_idx ON call (tenant_id, setup_time DESC, call_id DESC);
CREATE INDEX call_group_setup_time_idx ON call (group_id, setup_time DESC, call_id DESC) WHERE group_id IS NOT NULL;
CREATE INDEX call_active_setup_time_idx ON call (tenant_id, setup_time DESC, call_id DESC) WHERE ended_at IS NULL;
CREATE INDEX call_client_idx ON call (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX call_broadworks_user_idx ON call (broadworks_user_id) WHERE broadworks_user_id IS NOT NULL;
CREATE INDEX call_broadworks_group_idx ON call (broadworks_group_id) WHERE broadworks_group_id IS NOT NULL;
CREATE INDEX call_participant_user_idx ON call_participant (user_id, call_id) WHERE user_id IS NOT NULL;

-- pg_trgm lives in one schema of the database: the one that first created it (directory-service creates it in its
-- own). The operator class is named with that schema, whichever it is.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                  WHERE e.extname = 'pg_trgm');
    text_column text;
BEGIN
    FOREACH text_column IN ARRAY ARRAY['from_number', 'to_number', 'from_name', 'to_name'] LOOP
        EXECUTE format('CREATE INDEX %I ON call USING gin (%I %I.gin_trgm_ops)',
                       'call_' || text_column || '_trgm_idx', text_column, trgm);
    END LOOP;
END
$$;

-- Calls deleted through the API are kept here too, so that their recorders' late events do not bring them back.
COMMENT ON TABLE ignored_call IS 'Calls dropped: ignored unknown users'' calls, and calls deleted through the API';
