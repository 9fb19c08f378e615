package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import java.util.List;

/** Runs every compose check and collects what drifted. */
public final class ComposeValidator {
    private static final List<ComposeCheck> CHECKS = List.of(
            new BuildCheck(),
            new EnvironmentCheck(),
            new HealthAndPortCheck(),
            new HealthToolCheck(),
            new StopGraceCheck(),
            new StartOrderCheck(),
            new InterpolationCheck(),
            new PinnedImageCheck(),
            new FixedHostnameCheck(),
            new ProvisioningTagCheck());

    private ComposeValidator() {}

    public static Problems validate(ComposeProject project) {
        Problems problems = new Problems();
        CHECKS.forEach(check -> check.check(project, problems));
        return problems;
    }
}
