package dev.tenantfleet.worker.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The worker's packages, down to the parts of {@code tenantdb} (session, guard, failure), depend on each other in one
 * direction only: a guard knows no session (it sees a {@code GuardedSession}), a failure knows neither. This test fails
 * the build when a circle appears.
 */
class PackageCyclesTest {
    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantfleet.worker");

    @Test
    void packagesDoNotDependOnEachOtherInCircles() {
        slices().matching("dev.tenantfleet.worker.(**)")
                .should()
                .beFreeOfCycles()
                .check(WORKER);
    }
}
