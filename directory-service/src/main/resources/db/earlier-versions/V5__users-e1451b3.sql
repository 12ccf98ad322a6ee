-- V5__users.sql as of commit e1451b3 made the users' list-order index without the columns a search's walk reads.
-- It takes V6's form at once (without search_text, which may not fit a B-tree entry).
DROP INDEX IF EXISTS app_user_name_order_idx;
CREATE INDEX IF NOT EXISTS app_user_list_order_idx ON app_user (lower(name), id) INCLUDE (name, tenant_id, group_id);
