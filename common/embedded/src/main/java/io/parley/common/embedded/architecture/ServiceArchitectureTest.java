package io.parley.common.embedded.architecture;

import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The rules of {@link ServiceArchitecture} on one service, which its {@code ArchitectureTest} names. Violations that
 * exist already are recorded in the service's {@code src/test/resources/archunit-store} (ArchUnit's frozen rules, see
 * its archunit.properties): a new one fails the build, and one that is fixed leaves the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String rootPackage;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String rootPackage) {
        this.rootPackage = rootPackage;
        this.classes = ServiceArchitecture.classesOf(rootPackage);
    }

    @Test
    public void featurePackagesDependOnOneAnotherWithoutCycles() {
        freeze(ServiceArchitecture.featurePackagesWithoutCycles(rootPackage)).check(classes);
    }

    @Test
    public void resourcesReachTheDatabaseOnlyThroughTheirService() {
        freeze(ServiceArchitecture.resourcesGoThroughTheirService()).check(classes);
    }

    @Test
    public void onlyTheirOwnPackageUsesResources() {
        freeze(ServiceArchitecture.resourcesUsedOnlyByTheirPackage()).check(classes);
    }
}
