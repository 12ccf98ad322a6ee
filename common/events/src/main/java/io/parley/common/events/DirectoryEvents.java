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

    private DirectoryEvents() {
    }
}
