-- The directory: tenants own roles and users. Later migrations add groups, clients and every reference field.

CREATE TABLE tenant (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    timezone     text,
    encrypt_data boolean,
    is_system    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX tenant_name_key ON tenant (lower(name));

CREATE TABLE role (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    access_level text        NOT NULL CHECK (access_level IN ('root', 'system', 'managed_groups', 'user')),
    permissions  jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX role_name_key ON role (tenant_id, lower(name));

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    role_id       uuid        NOT NULL REFERENCES role (id),
    name          text        NOT NULL,
    login         text,
    password_hash text,
    is_active     boolean     NOT NULL DEFAULT true,
    can_login     boolean     NOT NULL DEFAULT false,
    valid_till    timestamptz,
    timezone      text,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX app_user_login_key ON app_user (login) WHERE login IS NOT NULL;
CREATE INDEX app_user_tenant_idx ON app_user (tenant_id);
