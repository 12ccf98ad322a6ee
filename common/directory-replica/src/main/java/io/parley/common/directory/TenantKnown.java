package io.parley.common.directory;

import java.util.UUID;

/**
 * Fired (synchronously, in the replica's transaction) when the replica learns a tenant it did not hold. The directory
 * keys its events by object id, so a tenant's users may have come first: what waits for the tenant, such as calls of
 * those users' extensions, can find it now.
 */
public record TenantKnown(UUID tenantId) {
}
