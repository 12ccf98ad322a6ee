package io.parley.directory.tenant;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How recorded calls find their tenant and users (reference 3.6.1, fieldset_associate_calls). Text settings that do
 * not apply to the chosen {@link #associateCalls} mode are kept as given, and empty by default.
 */
@Embeddable
public class CallAssociation {

    @Column(name = "extension_uniqueness", nullable = false)
    public String extensionUniqueness = "systemwide";

    @Column(name = "associate_calls", nullable = false)
    public String associateCalls = "extension";

    @Column(name = "associate_calls_condition", nullable = false)
    public String associateCallsCondition = "";

    @Column(name = "broadworks_sp_id", nullable = false)
    public String broadworksSpId = "";

    @Column(name = "broadworks_group_id", nullable = false)
    public String broadworksGroupId = "";

    @Column(name = "sip_uri_host", nullable = false)
    public String sipUriHost = "";

    @Column(name = "cisco_partition", nullable = false)
    public String ciscoPartition = "";

    @Column(name = "metaswitch_system", nullable = false)
    public String metaswitchSystem = "";

    @Column(name = "metaswitch_group", nullable = false)
    public String metaswitchGroup = "";

    @Column(name = "record_unknown_users", nullable = false)
    public String recordUnknownUsers = "record";

    @Column(name = "auto_provision", nullable = false)
    public boolean autoProvision;

    @Column(name = "provision_role_id")
    public UUID provisionRoleId;

    @Column(name = "provision_group_id")
    public UUID provisionGroupId;
}
