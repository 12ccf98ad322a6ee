-- Call recordings' metadata as reference 3.1.1-3.1.3 describes it; columns carry the reference's field names.
-- Recorders report a call in several events that may arrive late or twice: every row keeps the time of the newest
-- event applied to it (last_event_at), so that an older event only fills what is still unknown.

CREATE TABLE call (
    call_id                  uuid PRIMARY KEY,
    parent_call_id           uuid,
    interaction_id           uuid,
    tenant_id                uuid,
    is_conference            boolean,
    recorder_id              uuid,
    protocol_call_id         text,
    protocol_call_direction  smallint CHECK (protocol_call_direction BETWEEN 0 AND 2),
    call_state               smallint CHECK (call_state BETWEEN 1 AND 8),
    on_demand_state          smallint CHECK (on_demand_state BETWEEN 0 AND 2),
    record_state             smallint CHECK (record_state IN (10, 20, 30, 40)),
    voip_protocol            smallint CHECK (voip_protocol BETWEEN 0 AND 17),
    setup_time               timestamptz,
    connect_time             timestamptz,
    disconnect_time          timestamptz,
    from_ip                  text,
    to_ip                    text,
    from_port                integer,
    to_port                  integer,
    from_mac                 text,
    to_mac                   text,
    from_number              text,
    to_number                text,
    from_name                text,
    to_name                  text,
    from_id                  text,
    to_id                    text,
    transferred_from_number  text,
    transferred_from_name    text,
    transferred_from_id      text,
    transferred_to_number    text,
    transferred_to_name      text,
    transferred_to_id        text,
    agent_id                 text,
    agent_name               text,
    broadworks_user_id       text,
    broadworks_group_id      text,
    broadworks_sp_id         text,
    metaswitch_user          text,
    metaswitch_group         text,
    metaswitch_system        text,
    cisco_nearend_guid       text,
    cisco_farend_guid        text,
    cisco_nearend_refci      text,
    cisco_farend_refci       text,
    cisco_phone_ip           text,
    cisco_nearend_partition  text,
    cisco_farend_partition   text,
    -- association (docs/recorder-events.md): the call's group is its first known participant's; the client is the
    -- tenant's client one of the call's numbers belongs to
    group_id                 uuid,
    client_id                uuid,
    -- when the recorder reported the call ended (call.ended); a call without it is active
    ended_at                 timestamptz,
    last_event_at            timestamptz NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now()
);

-- Calls of a tenant whose record_unknown_users is ignore that ended with no known user: dropped, and their late
-- events with them.
CREATE TABLE ignored_call (
    call_id    uuid PRIMARY KEY,
    ignored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE call_participant (
    call_id          uuid NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
    participant_id   text NOT NULL,
    join_time        timestamptz,
    leave_time       timestamptz,
    user_id          uuid,
    party_direction  smallint CHECK (party_direction BETWEEN 0 AND 2),
    party_type       smallint CHECK (party_type BETWEEN 0 AND 3),
    party_number     text,
    party_name       text,
    party_caller_id  text,
    last_event_at    timestamptz NOT NULL,
    PRIMARY KEY (call_id, participant_id)
);

CREATE TABLE call_file (
    call_id        uuid NOT NULL REFERENCES call (call_id) ON DELETE CASCADE,
    file_id        text NOT NULL,
    start_time     timestamptz,
    stop_time      timestamptz,
    file_size      bigint CHECK (file_size >= 0),
    file_path      text,
    watermark      text,
    last_event_at  timestamptz NOT NULL,
    PRIMARY KEY (call_id, file_id)
);
