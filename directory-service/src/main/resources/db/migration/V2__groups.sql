-- Groups (reference 3.4): a tenant's users are organised in groups; a user belongs to at most one.

CREATE TABLE user_group (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    timezone   text,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX user_group_name_key ON user_group (tenant_id, lower(name));

ALTER TABLE app_user ADD COLUMN group_id uuid REFERENCES user_group (id);
CREATE INDEX app_user_group_idx ON app_user (group_id);
-- a role or group in use cannot be deleted: both checks look users up by these columns
CREATE INDEX app_user_role_idx ON app_user (role_id);
