-- Users as reference 3.7.1 describes them: login, recording and licensing settings, extensions, managed groups.

ALTER TABLE app_user
    ADD COLUMN email                text    NOT NULL DEFAULT '',
    ADD COLUMN authenticate_type    text    NOT NULL DEFAULT 'password' CHECK (authenticate_type IN ('password', 'ldap')),
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN record               text    NOT NULL DEFAULT 'default'
        CHECK (record IN ('always', 'ondemand', 'never', 'default')),
    ADD COLUMN record_direction     text[]  NOT NULL DEFAULT '{in,out}',
    ADD COLUMN on_demand_default    text CHECK (on_demand_default IN ('keep', 'discard')),
    ADD COLUMN confidential         boolean NOT NULL DEFAULT false,
    ADD COLUMN recording_seat       boolean NOT NULL DEFAULT false,
    ADD COLUMN monitoring_seat      boolean NOT NULL DEFAULT false,
    ADD COLUMN evaluation_seat      boolean NOT NULL DEFAULT false;

-- A user's extensions, in the order given; calls are matched to users by them.
CREATE TABLE user_extension (
    user_id   uuid    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    extension text    NOT NULL,
    position  integer NOT NULL,
    PRIMARY KEY (user_id, extension)
);
CREATE INDEX user_extension_extension_idx ON user_extension (extension);

-- The groups a managed_groups user manages.
CREATE TABLE user_managed_group (
    user_id  uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    group_id uuid NOT NULL REFERENCES user_group (id),
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX user_managed_group_group_idx ON user_managed_group (group_id);

-- Partial, case-insensitive search. search_text holds, lower-cased, every text search_term matches (name, login,
-- group, role and tenant name, extensions) and is kept current by the triggers below, whichever way the data
-- change; a trigram index serves LIKE '%term%' on it, and on name for the name parameter.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE app_user ADD COLUMN search_text text NOT NULL DEFAULT '';

CREATE FUNCTION user_search_text(u app_user) RETURNS text
    LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT lower(concat_ws(' ', u.name, u.login,
        (SELECT g.name FROM user_group g WHERE g.id = u.group_id),
        (SELECT r.name FROM role r WHERE r.id = u.role_id),
        (SELECT t.name FROM tenant t WHERE t.id = u.tenant_id),
        (SELECT string_agg(e.extension, ' ' ORDER BY e.position) FROM user_extension e WHERE e.user_id = u.id)))
$$;

CREATE FUNCTION app_user_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.search_text := user_search_text(NEW);
    RETURN NEW;
END
$$;
CREATE TRIGGER app_user_search_text BEFORE INSERT OR UPDATE OF name, login, group_id, role_id, tenant_id
    ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_search_text();

CREATE FUNCTION user_extension_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE app_user SET search_text = user_search_text(app_user.*)
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
    RETURN NULL;
END
$$;
CREATE TRIGGER user_extension_search_text AFTER INSERT OR UPDATE OR DELETE
    ON user_extension FOR EACH ROW EXECUTE FUNCTION user_extension_search_text();

CREATE FUNCTION renamed_owner_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE app_user SET search_text = user_search_text(app_user.*)
    WHERE CASE TG_TABLE_NAME WHEN 'user_group' THEN group_id WHEN 'role' THEN role_id ELSE tenant_id END = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER user_group_renamed AFTER UPDATE OF name ON user_group FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();
CREATE TRIGGER role_renamed AFTER UPDATE OF name ON role FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();
CREATE TRIGGER tenant_renamed AFTER UPDATE OF name ON tenant FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();

CREATE INDEX app_user_search_text_trgm_idx ON app_user USING gin (search_text gin_trgm_ops);
CREATE INDEX app_user_name_trgm_idx ON app_user USING gin (lower(name) gin_trgm_ops);
CREATE INDEX app_user_name_order_idx ON app_user (lower(name), id);
CREATE INDEX app_user_group_name_idx ON app_user (group_id, lower(name), id);
CREATE INDEX app_user_tenant_name_idx ON app_user (tenant_id, lower(name), id);
