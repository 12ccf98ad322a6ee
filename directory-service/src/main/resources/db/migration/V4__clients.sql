-- Clients of a tenant (reference 3.2) and their contacts, in the order the API was given them. Calls are
-- associated with clients by phone number, hence the index on client_contact.phone_number.

CREATE TABLE client (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (char_length(name) <= 255),
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX client_name_key ON client (tenant_id, lower(name));

CREATE TABLE client_contact (
    client_id    uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    position     int  NOT NULL CHECK (position >= 0),
    phone_number text NOT NULL CHECK (char_length(phone_number) BETWEEN 1 AND 64),
    name         text CHECK (char_length(name) <= 255),
    PRIMARY KEY (client_id, position)
);
CREATE INDEX client_contact_phone_number_idx ON client_contact (phone_number);
