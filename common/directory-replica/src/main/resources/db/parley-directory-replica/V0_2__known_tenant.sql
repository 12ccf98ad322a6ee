-- The tenants a service knows of, replicated from the directory's events (never read from its database).
CREATE TABLE known_tenant (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    -- when the directory made the change this row reflects; older events never overwrite it
    changed_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
