package io.parley.directory.role;

import java.util.UUID;

/**
 * How many users hold a role: a role in use cannot be deleted. Declared here for the role's rules and answered by the
 * user feature, which depends on role, not the other way.
 */
public interface RoleHolders {

    long holdersOf(UUID roleId);
}
