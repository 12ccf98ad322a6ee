package io.parley.common.security;

import java.util.UUID;

/**
 * Tells the System tenant, home of the root user, from the others: its {@code system} users see every tenant. The
 * token does not say it; each service answers from its own data (the directory from its tenants).
 */
public interface SystemTenant {

    boolean is(UUID tenantId);
}
