package dev.tenantfleet.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.compose.KeyRingFormat;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every document under k8s/ matches the services' real configuration, and the Kustomize wiring holds. */
class KubernetesManifestsTest {
    private final Path root = Repo.root();
    private final ManifestSet manifests = ManifestSet.load(root);

    @Test
    void manifestsMatchTheServicesConfiguration() {
        assertThat(ManifestValidator.validate(root, manifests, Programs.of(root))
                        .all())
                .as("drift in k8s/")
                .isEmpty();
    }

    @Test
    void deploysTheThreeServicesTheReleaseGateAndTheWorkerScaler() {
        assertThat(manifests.stream().filter(Manifest::isObject).map(m -> m.kind() + "/" + m.name()))
                .contains(
                        "Deployment/tenant-service",
                        "Service/tenant-service",
                        "Deployment/migration-worker",
                        "Deployment/identity-consumer",
                        "Job/tenantfleet-migrate-release",
                        "ScaledObject/migration-worker",
                        "TriggerAuthentication/migration-worker-rabbitmq",
                        "Secret/tenantfleet-keys",
                        "Secret/tenantfleet-api-token");
        assertThat(manifests.stream().filter(m -> m.role() == Manifest.Role.PATCH))
                .isNotEmpty();
    }

    @Test
    void exampleSecretsSayTheyAreExamplesAndTheirKeyRingIsValid() {
        manifests.stream()
                .filter(m -> m.role() == Manifest.Role.EXTERNAL && m.kind().equals("Secret"))
                .forEach(secret -> secret.doc().path("stringData").fields().forEachRemaining(entry -> {
                    if (entry.getKey().matches("(?i).*(password|token|keys|host)$")) {
                        assertThat(entry.getValue().asText())
                                .as(secret.where() + " " + entry.getKey())
                                .contains("example");
                    }
                    if (entry.getKey().equals("TENANTFLEET_KEYS")) {
                        assertThat(KeyRingFormat.problems(entry.getValue().asText()))
                                .as(secret.where())
                                .isEmpty();
                    }
                }));
    }
}
