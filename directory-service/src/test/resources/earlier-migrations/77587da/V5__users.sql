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

-- Partial, case-insensitive search (search_term, name) served from trigram indexes instead of full scans.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX app_user_name_trgm_idx ON app_user USING gin (lower(name) gin_trgm_ops);
CREATE INDEX app_user_login_trgm_idx ON app_user USING gin (lower(login) gin_trgm_ops);
CREATE INDEX user_extension_trgm_idx ON user_extension USING gin (lower(extension) gin_trgm_ops);
CREATE INDEX app_user_name_order_idx ON app_user (lower(name), id);
CREATE INDEX app_user_group_name_idx ON app_user (group_id, lower(name), id);
