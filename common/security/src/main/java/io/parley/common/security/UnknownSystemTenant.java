package io.parley.common.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/**
 * For a service that does not know the System tenant yet: asking is a programming error, not a silent answer either
 * way.
 */
@DefaultBean
@ApplicationScoped
public class UnknownSystemTenant implements SystemTenant {

    @Override
    public boolean is(UUID tenantId) {
        throw new UnsupportedOperationException("This service has no SystemTenant bean: provide one from its data");
    }
}
