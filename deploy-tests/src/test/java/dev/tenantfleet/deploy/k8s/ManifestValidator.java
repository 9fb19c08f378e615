package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the manifest checks: all of them on k8s/ as written, all but the Kustomize wiring on a rendered build. */
public final class ManifestValidator {
    private static final List<ManifestCheck> OBJECT_CHECKS = List.of(
            new DocumentCheck(),
            new ContainerEnvCheck(),
            new ServiceLinksCheck(),
            new HttpContainerCheck(),
            new ServiceCheck(),
            new ReleaseJobCheck(),
            new ScaledObjectCheck());

    private ManifestValidator() {}

    /** k8s/ as written: objects, patches, the example Secrets and the kustomization files. */
    public static Problems validate(Path root, ManifestSet set, Programs programs) {
        List<ManifestCheck> checks = new ArrayList<>(OBJECT_CHECKS);
        checks.add(new KustomizationCheck(root));
        return run(checks, set, programs);
    }

    /** A rendered build (`kubectl kustomize`), with the out-of-band Secrets it expects. */
    public static Problems validateRendered(ManifestSet set, Programs programs) {
        return run(OBJECT_CHECKS, set, programs);
    }

    private static Problems run(List<ManifestCheck> checks, ManifestSet set, Programs programs) {
        Problems problems = new Problems();
        checks.forEach(check -> check.check(set, programs, problems));
        return problems;
    }
}
