package io.parley.common.events;

/**
 * Requests to the directory to create users (docs/events.md, {@code directory.provisioning}): call-service asks for a
 * user when a call of a tenant with auto-provisioning on ({@code auto_provision}) has no known user. Keyed by tenant
 * id; {@code data} is {@link io.parley.common.events.provisioning.UserProvisionRequestedData}.
 */
public final class ProvisioningRequests {

    public static final String TOPIC = "directory.provisioning";
    /** The newest {@code dataversion} of the topic's types, which its consumers read. */
    public static final int VERSION = 1;

    public static final String USER_REQUESTED = "user.provision_requested";

    private ProvisioningRequests() {
    }
}
