-- Whether the tenant's recordings are encrypted at rest (reference 3.6.1 encrypt_data): call-service encrypts the
-- audio of such tenants' calls on upload.
ALTER TABLE known_tenant ADD COLUMN encrypt_data boolean NOT NULL DEFAULT false;
