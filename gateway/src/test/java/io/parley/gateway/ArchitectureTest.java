package io.parley.gateway;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import org.junit.jupiter.api.Test;

import io.parley.common.embedded.architecture.ServiceArchitecture;

/**
 * The layering of common/embedded {@link ServiceArchitecture} that applies to the gateway, which has routes rather
 * than resources and no database. A new violation fails the build (ArchUnit's frozen rules, see archunit.properties).
 */
class ArchitectureTest {

    @Test
    void featurePackagesDependOnOneAnotherWithoutCycles() {
        freeze(ServiceArchitecture.featurePackagesWithoutCycles("io.parley.gateway"))
                .check(ServiceArchitecture.classesOf("io.parley.gateway"));
    }
}
