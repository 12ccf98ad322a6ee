-- Tenant settings of reference 3.6.1: license limits (null = no limit) and how calls are associated with the tenant.

ALTER TABLE tenant
    ADD COLUMN recording_seats           integer CHECK (recording_seats >= 0),
    ADD COLUMN recording_sessions        integer CHECK (recording_sessions >= 0),
    ADD COLUMN screen_recording_seats    integer CHECK (screen_recording_seats >= 0),
    ADD COLUMN monitoring_seats          integer CHECK (monitoring_seats >= 0),
    ADD COLUMN monitoring_sessions       integer CHECK (monitoring_sessions >= 0),
    ADD COLUMN evaluation_seats          integer CHECK (evaluation_seats >= 0),
    ADD COLUMN speech_analytics          integer CHECK (speech_analytics >= 0),
    ADD COLUMN extension_uniqueness      text    NOT NULL DEFAULT 'systemwide'
        CHECK (extension_uniqueness IN ('systemwide', 'tenant')),
    ADD COLUMN associate_calls           text    NOT NULL DEFAULT 'extension'
        CHECK (associate_calls IN ('extension', 'broadworks_group', 'metaswitch_group', 'cisco_partition',
                                   'sip_uri_host', 'condition')),
    ADD COLUMN associate_calls_condition text    NOT NULL DEFAULT '',
    ADD COLUMN broadworks_sp_id          text    NOT NULL DEFAULT '',
    ADD COLUMN broadworks_group_id       text    NOT NULL DEFAULT '',
    ADD COLUMN sip_uri_host              text    NOT NULL DEFAULT '',
    ADD COLUMN cisco_partition           text    NOT NULL DEFAULT '',
    ADD COLUMN metaswitch_system         text    NOT NULL DEFAULT '',
    ADD COLUMN metaswitch_group          text    NOT NULL DEFAULT '',
    ADD COLUMN record_unknown_users      text    NOT NULL DEFAULT 'record'
        CHECK (record_unknown_users IN ('record', 'ignore')),
    ADD COLUMN auto_provision            boolean NOT NULL DEFAULT false,
    ADD COLUMN provision_role_id         uuid REFERENCES role (id),
    ADD COLUMN provision_group_id        uuid REFERENCES user_group (id);
