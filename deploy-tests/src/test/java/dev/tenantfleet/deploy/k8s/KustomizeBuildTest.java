package dev.tenantfleet.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What `kubectl apply -k` would apply: the build itself succeeds (patches merge, names resolve) and the merged
 * objects pass every check, which a patch may break although base and patch each look right (a bigger -Xmx in the
 * overlay against the base's memory limit). Needs kubectl on the PATH (its built-in Kustomize, v5); skipped without it
 * except in CI, where .ci/run installs it.
 */
class KustomizeBuildTest {
    private final Path root = Repo.root();

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/production"})
    void renderedBuildMatchesTheServicesConfiguration(String kustomization) throws Exception {
        String rendered = kustomize(root.resolve(kustomization));
        List<Manifest> manifests = new ArrayList<>(ManifestSet.parse(kustomization, rendered, Manifest.Role.RESOURCE));
        ManifestSet.load(root).stream()
                .filter(m -> m.role() == Manifest.Role.EXTERNAL)
                .forEach(manifests::add);

        assertThat(ManifestValidator.validateRendered(new ManifestSet(manifests), Programs.of(root))
                        .all())
                .as("drift in the build of " + kustomization)
                .isEmpty();
    }

    private static String kustomize(Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            // .ci/run installs kubectl, so in CI a missing one is a failure, not a reason to skip
            assumeTrue(System.getenv("CI") == null, "kubectl is not on the PATH: " + e.getMessage());
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("kubectl kustomize finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("kubectl kustomize " + dir + ": " + err)
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
