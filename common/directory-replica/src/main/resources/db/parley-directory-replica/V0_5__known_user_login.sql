-- Users' logins (fieldset_login.login), for searching calls by user_login. Unique among existing users only: a
-- deleted user's login may be given to a new user.
ALTER TABLE known_user ADD COLUMN login text;
CREATE INDEX known_user_login_idx ON known_user (login) WHERE deleted_at IS NULL;
