-- V5__users.sql as of commit 77587da searched users through trigram indexes on name, login and extension, without
-- the search_text column the landed form keeps current by triggers. This makes what the landed form makes; the
-- list-order index takes V6's form at once (without search_text, which may not fit a B-tree entry).
DROP INDEX IF EXISTS app_user_login_trgm_idx;
DROP INDEX IF EXISTS user_extension_trgm_idx;
DROP INDEX IF EXISTS app_user_name_order_idx;
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS search_text text NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION user_search_text(u app_user) RETURNS text
    LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT lower(concat_ws(' ', u.name, u.login,
        (SELECT g.name FROM user_group g WHERE g.id = u.group_id),
        (SELECT r.name FROM role r WHERE r.id = u.role_id),
        (SELECT t.name FROM tenant t WHERE t.id = u.tenant_id),
        (SELECT string_agg(e.extension, ' ' ORDER BY e.position) FROM user_extension e WHERE e.user_id = u.id)))
$$;

CREATE OR REPLACE FUNCTION app_user_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.search_text := user_search_text(NEW);
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER app_user_search_text BEFORE INSERT OR UPDATE OF name, login, group_id, role_id, tenant_id
    ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_search_text();

CREATE OR REPLACE FUNCTION user_extension_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE app_user SET search_text = user_search_text(app_user.*)
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER user_extension_search_text AFTER INSERT OR UPDATE OR DELETE
    ON user_extension FOR EACH ROW EXECUTE FUNCTION user_extension_search_text();

CREATE OR REPLACE FUNCTION renamed_owner_search_text() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE app_user SET search_text = user_search_text(app_user.*)
    WHERE CASE TG_TABLE_NAME WHEN 'user_group' THEN group_id WHEN 'role' THEN role_id ELSE tenant_id END = NEW.id;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER user_group_renamed AFTER UPDATE OF name ON user_group FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();
CREATE OR REPLACE TRIGGER role_renamed AFTER UPDATE OF name ON role FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();
CREATE OR REPLACE TRIGGER tenant_renamed AFTER UPDATE OF name ON tenant FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION renamed_owner_search_text();

UPDATE app_user SET search_text = user_search_text(app_user.*);

CREATE INDEX IF NOT EXISTS app_user_search_text_trgm_idx ON app_user USING gin (search_text gin_trgm_ops);
CREATE INDEX IF NOT EXISTS app_user_list_order_idx ON app_user (lower(name), id) INCLUDE (name, tenant_id, group_id);
CREATE INDEX IF NOT EXISTS app_user_tenant_name_idx ON app_user (tenant_id, lower(name), id);
