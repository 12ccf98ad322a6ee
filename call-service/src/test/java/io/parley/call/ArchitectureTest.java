package io.parley.call;

import io.parley.common.embedded.architecture.ServiceArchitectureTest;

/** The layering every service keeps (docs/architecture.md, "Inside a service"), on call-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.parley.call");
    }
}
