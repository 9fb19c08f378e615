package dev.tenantfleet.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes YAML the documentation shows works with k8s/ as shipped: it reads the ConfigMaps, Secrets and keys
 * that k8s/ and k8s/secrets.example.yaml define, only variables its program reads, reaches tenant-service through its
 * real Service, and turns service links off. A copied example that names a Secret nobody creates fails only at the
 * deploy otherwise.
 */
class DocumentedManifestsTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```ya?ml\\n(.*?)```");
    private final Path root = Repo.root();

    @Test
    void kubernetesExamplesInTheDocsReferenceWhatK8sDefines() {
        List<Manifest> documented = documented();
        List<Manifest> manifests = new ArrayList<>(
                ManifestSet.load(root).stream().filter(Manifest::isObject).toList());
        manifests.addAll(documented);
        ManifestSet set = new ManifestSet(manifests);
        Programs programs = Programs.of(root);
        Problems problems = new Problems();
        new ContainerEnvCheck().check(set, programs, problems);
        new ServiceLinksCheck().check(set, programs, problems);
        set.containers().stream()
                .filter(c -> documented.contains(c.owner()))
                .filter(c -> c.image()
                        .flatMap(programs::forImage)
                        .map(p -> p.name().equals("tenantctl"))
                        .orElse(false))
                .forEach(c -> TenantServiceUrl.check(
                        c, ContainerEnv.effective(c, set).get("TENANTFLEET_URL"), set, problems));

        assertThat(documented)
                .as("tenantctl/README.md shows a Job")
                .anySatisfy(m -> assertThat(m.file()).startsWith("tenantctl/README.md"));
        assertThat(problems.all())
                .filteredOn(p -> p.contains(".md"))
                .as("drift in the documented manifests")
                .isEmpty();
    }

    /** Every YAML block of a Markdown file of the repository that is a Kubernetes object. */
    private List<Manifest> documented() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            Matcher block = YAML_BLOCK.matcher(read(doc));
            for (int n = 1; block.find(); n++) {
                if (block.group(1).contains("apiVersion:") && block.group(1).contains("kind:")) {
                    manifests.addAll(ManifestSet.parse(
                            root.relativize(doc) + " (yaml block " + n + ")", block.group(1), Manifest.Role.RESOURCE));
                }
            }
        }
        return manifests;
    }

    /** The repository's Markdown files, build output and hidden directories (.git) left out. */
    private List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(root)
                                    && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
