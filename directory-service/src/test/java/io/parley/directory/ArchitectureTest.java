package io.parley.directory;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.parley.common.embedded.architecture.ServiceArchitecture;

/**
 * The layering of common/embedded {@link ServiceArchitecture}. Violations that exist already are recorded in
 * {@code src/test/resources/archunit-store} (ArchUnit's frozen rules, see archunit.properties): a new one fails the
 * build, and one that is fixed leaves the record.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ServiceArchitecture.classesOf("io.parley.directory");

    @Test
    void featurePackagesDependOnOneAnotherWithoutCycles() {
        freeze(ServiceArchitecture.featurePackagesWithoutCycles("io.parley.directory")).check(CLASSES);
    }

    @Test
    void resourcesReachTheDatabaseOnlyThroughTheirService() {
        freeze(ServiceArchitecture.resourcesGoThroughTheirService()).check(CLASSES);
    }

    @Test
    void onlyTheirOwnPackageUsesResources() {
        freeze(ServiceArchitecture.resourcesUsedOnlyByTheirPackage()).check(CLASSES);
    }
}
