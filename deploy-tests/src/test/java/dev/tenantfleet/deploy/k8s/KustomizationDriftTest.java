package dev.tenantfleet.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken Kustomize wiring is reported before `kubectl apply -k` meets it. */
class KustomizationDriftTest {
    @TempDir
    Path root;

    @Test
    void missingFilesStrayPatchesUnusedImagesAndForgottenManifestsAreReported() throws IOException {
        write("k8s/base/kustomization.yaml", "resources: [config.yaml, gone.yaml]\n");
        write(
                "k8s/base/config.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tenantfleet-broker}\n"
                        + "data: {RABBITMQ_HOST: rabbitmq}\n");
        write("k8s/base/forgotten.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\n");
        write("k8s/overlays/prod/kustomization.yaml", """
                namespace: fleet
                resources: [../../base]
                images: [{name: tenantfleet/tenant-service, newTag: "2"}]
                patches: [{path: patch.yaml}]
                """);
        write("k8s/overlays/prod/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: broker}\ndata: {}\n");
        write(
                "k8s/secrets.example.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: tenantfleet}\n");

        List<String> problems = ManifestValidator.validate(root, ManifestSet.load(root), Programs.of(Repo.root()))
                .all();

        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("k8s/base/kustomization.yaml: resource k8s/base/gone.yaml does not exist"))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "ConfigMap/broker: patches an object k8s/overlays/prod/kustomization.yaml does not build"))
                .anySatisfy(p -> assertThat(p)
                        .contains("images: tenantfleet/tenant-service is used by no container of the build"))
                .anySatisfy(p ->
                        assertThat(p).contains("k8s/base/forgotten.yaml ConfigMap/old: is in no kustomization.yaml"))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "Secret/s: is not in the namespace k8s/overlays/prod/kustomization.yaml deploys to (fleet)"));
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
