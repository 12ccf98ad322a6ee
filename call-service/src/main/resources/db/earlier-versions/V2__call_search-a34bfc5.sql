-- V2__call_search.sql as of commit a34bfc5 made no index of the replicated users by group (a manager's calls).
CREATE INDEX IF NOT EXISTS known_user_group_idx ON known_user (group_id);
