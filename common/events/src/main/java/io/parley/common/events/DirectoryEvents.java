package io.parley.common.events;

/**
 * The directory-service's event contract: one topic, keyed by the changed entity's id so that the events of one
 * entity stay in order. {@code data} holds the resource as the API shows it, under its singular name.
 */
public final class DirectoryEvents {

    public static final String TOPIC = "directory.events";
    public static final int VERSION = 1;

    public static final String TENANT_CREATED = "tenant.created";
    public static final String TENANT_UPDATED = "tenant.updated";
    public static final String TENANT_DELETED = "tenant.deleted";
    /**
     * The field of a tenant event's {@code data}, beside {@code tenant}, that is {@code true} for the System tenant:
     * the one tenant whose {@code system} users reach every tenant. Replicas know the System tenant by it alone.
     */
    public static final String SYSTEM_TENANT = "system_tenant";

    public static final String GROUP_CREATED = "group.created";
    public static final String GROUP_UPDATED = "group.updated";
    public static final String GROUP_DELETED = "group.deleted";

    public static final String ROLE_CREATED = "role.created";
    public static final String ROLE_UPDATED = "role.updated";
    public static final String ROLE_DELETED = "role.deleted";

    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_DELETED = "user.deleted";

    public static final String CLIENT_CREATED = "client.created";
    public static final String CLIENT_UPDATED = "client.updated";
    public static final String CLIENT_DELETED = "client.deleted";

    private DirectoryEvents() {
    }
}
