-- The users' list-order index carries what a search's walk in list order filters on, except search_text: that holds
-- every extension of a user (up to 100 of 64 bytes) beside five names, more than a B-tree entry holds (2,704 bytes).
-- The walk reads search_text from the table; the trigram index serves search_term. Every other entry fits by the
-- bounds of directory input (DirectoryLimits).
DROP INDEX app_user_list_order_idx;
CREATE INDEX app_user_list_order_idx ON app_user (lower(name), id) INCLUDE (name, tenant_id, group_id);
