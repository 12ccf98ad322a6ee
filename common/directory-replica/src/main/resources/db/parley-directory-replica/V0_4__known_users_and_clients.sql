-- What call association needs from the directory: each tenant's association settings (reference 3.6.1,
-- fieldset_associate_calls), users with their extensions and clients with their contacts' phone numbers.
ALTER TABLE known_tenant
    ADD COLUMN extension_uniqueness text    NOT NULL DEFAULT 'systemwide',
    ADD COLUMN associate_calls      text    NOT NULL DEFAULT 'extension',
    ADD COLUMN broadworks_sp_id     text    NOT NULL DEFAULT '',
    ADD COLUMN broadworks_group_id  text    NOT NULL DEFAULT '',
    ADD COLUMN metaswitch_system    text    NOT NULL DEFAULT '',
    ADD COLUMN metaswitch_group     text    NOT NULL DEFAULT '',
    ADD COLUMN cisco_partition      text    NOT NULL DEFAULT '',
    ADD COLUMN sip_uri_host         text    NOT NULL DEFAULT '',
    ADD COLUMN record_unknown_users text    NOT NULL DEFAULT 'record',
    ADD COLUMN auto_provision       boolean NOT NULL DEFAULT false,
    ADD COLUMN provision_group_id   uuid,
    ADD COLUMN provision_role_id    uuid;

-- Users as the directory last announced them; a deleted user stays as a tombstone (deleted_at), like tenants.
CREATE TABLE known_user (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    group_id    uuid,
    name        text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);
CREATE INDEX known_user_tenant_idx ON known_user (tenant_id);

-- Extensions of existing users only: a deleted user's are removed with the delete.
CREATE TABLE known_user_extension (
    user_id   uuid NOT NULL REFERENCES known_user (id) ON DELETE CASCADE,
    tenant_id uuid NOT NULL,
    extension text NOT NULL,
    PRIMARY KEY (user_id, extension)
);
CREATE INDEX known_user_extension_idx ON known_user_extension (extension, tenant_id);

CREATE TABLE known_client (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    name        text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);

CREATE TABLE known_client_phone (
    client_id    uuid NOT NULL REFERENCES known_client (id) ON DELETE CASCADE,
    tenant_id    uuid NOT NULL,
    phone_number text NOT NULL,
    PRIMARY KEY (client_id, phone_number)
);
CREATE INDEX known_client_phone_idx ON known_client_phone (phone_number, tenant_id);
