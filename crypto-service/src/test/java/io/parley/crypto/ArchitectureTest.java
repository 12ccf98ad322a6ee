package io.parley.crypto;

import io.parley.common.embedded.architecture.ServiceArchitectureTest;

/** The layering every service keeps (docs/architecture.md, "Inside a service"), on crypto-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.parley.crypto");
    }
}
