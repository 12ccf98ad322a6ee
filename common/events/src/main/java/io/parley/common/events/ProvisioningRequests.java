package io.parley.common.events;

/**
 * Requests to the directory to create users (docs/events.md, {@code directory.provisioning}): call-service asks for a
 * user when a call of a tenant with auto-provisioning on (reference 3.6.1, {@code auto_provision}) has no known
 * user. Keyed by tenant id. {@code data} holds {@code tenant_id}, {@code extension}, {@code name} (the recorded
 * party's name, may be {@code null}) and {@code call_id} (the call that asked).
 */
public final class ProvisioningRequests {

    public static final String TOPIC = "directory.provisioning";
    public static final int VERSION = 1;

    public static final String USER_REQUESTED = "user.provision_requested";

    private ProvisioningRequests() {
    }
}
