package io.parley.directory;

import io.parley.common.embedded.architecture.ServiceArchitectureTest;

/** The layering every service keeps (docs/architecture.md, "Inside a service"), on directory-service. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.parley.directory");
    }
}
