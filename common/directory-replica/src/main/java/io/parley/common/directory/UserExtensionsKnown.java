package io.parley.common.directory;

import java.util.Set;
import java.util.UUID;

/**
 * Fired (synchronously, in the replica's transaction) when the replica learns a user's extensions, so that what waits
 * for them, such as calls recorded before the user existed, can find the user.
 */
public record UserExtensionsKnown(UUID userId, UUID tenantId, Set<String> extensions) {
}
