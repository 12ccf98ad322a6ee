package io.parley.common.api.identity;

import java.util.UUID;

/**
 * Who is calling the API, as the gateway learned it from the directory when it checked the caller's credentials:
 * the user, their tenant, their role's access level and the timezone their dates are shown in.
 */
public record CallerIdentity(UUID userId, UUID tenantId, String login, String accessLevel, String timezone) {
}
