package io.parley.common.events;

/**
 * The directory-service's event contract: one topic, keyed by the changed entity's id so that the events of one
 * entity stay in order. {@code data} holds the resource as the API shows it, under its singular name: the records of
 * {@link io.parley.common.events.directory}.
 */
public final class DirectoryEvents {

    public static final String TOPIC = "directory.events";
    /** The newest {@code dataversion} of the topic's types, which its consumers read. */
    public static final int VERSION = 1;

    public static final String TENANT_CREATED = "tenant.created";
    public static final String TENANT_UPDATED = "tenant.updated";
    public static final String TENANT_DELETED = "tenant.deleted";
    /** The name of {@link io.parley.common.events.directory.TenantData#systemTenant()} in a tenant event's data. */
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
