package io.parley.simulator;

import java.util.UUID;

/** A user of a simulated tenant who takes and makes calls on an extension. */
record Agent(UUID tenantId, UUID userId, String name, String extension) {
}
