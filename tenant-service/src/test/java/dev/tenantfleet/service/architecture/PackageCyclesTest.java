package dev.tenantfleet.service.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * tenant-service is packaged by feature; a feature that depends on another which depends back on it is one feature
 * in two places (release and fleet, tenant and provisioning, messaging and its handlers once were). This test fails
 * the build when such a circle returns.
 */
class PackageCyclesTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantfleet.service");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("dev.tenantfleet.service.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SERVICE);
    }
}
