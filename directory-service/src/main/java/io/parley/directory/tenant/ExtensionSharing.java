package io.parley.directory.tenant;

import java.util.UUID;

/**
 * Whether users of a tenant share an extension with users of other tenants, which keeps the tenant from switching its
 * {@code extension_uniqueness} to {@code systemwide}. Declared here for the tenant's rules and answered by the user
 * feature, which holds extensions and depends on tenant, not the other way.
 */
public interface ExtensionSharing {

    boolean tenantSharesExtensionsWithOthers(UUID tenantId);
}
