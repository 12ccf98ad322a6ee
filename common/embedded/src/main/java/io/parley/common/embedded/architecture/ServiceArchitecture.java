package io.parley.common.embedded.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering every service keeps (docs/architecture.md, "Inside a service"), as ArchUnit rules that each service's
 * {@code ArchitectureTest} checks: packages by feature that depend on one another without cycles, and resources that
 * answer through their feature's service.
 */
public final class ServiceArchitecture {

    private static final String RESOURCE = "jakarta.ws.rs.Path";

    private ServiceArchitecture() {
    }

    /** The service's own classes, without its tests. */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** The feature packages right below {@code rootPackage} (and what they contain) depend on one another without a cycle. */
    public static ArchRule featurePackagesWithoutCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .because("a feature is understood, tested and changed on its own only when it depends on others"
                        + " one way");
    }

    /** A resource reaches the database only through its service, which holds the transaction and the access scope. */
    public static ArchRule resourcesGoThroughTheirService() {
        return noClasses().that().areAnnotatedWith(RESOURCE).should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..", "org.hibernate..",
                        "io.quarkus.hibernate..", "io.agroal..", "io.parley.common.sql..")
                .because("the service beneath a resource holds its transaction and applies the caller's access scope");
    }

    /** Only its own package uses a resource: another feature calls the service beneath it. */
    public static ArchRule resourcesUsedOnlyByTheirPackage() {
        return classes().that().areAnnotatedWith(RESOURCE).should(beUsedOnlyByTheirOwnPackage())
                .because("a resource is the HTTP edge of its feature, not an API for the others");
    }

    private static ArchCondition<JavaClass> beUsedOnlyByTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes of their own package") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (Dependency dependency : resource.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(resource.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
