package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The Kustomize wiring holds: every resource and patch file exists, every patch targets an object its build has (or
 * `kubectl apply -k` fails), every images: entry re-tags an image the build uses (or silently does nothing), no
 * manifest sits outside every kustomization, and the out-of-band Secrets live in the overlays' namespace.
 */
final class KustomizationCheck implements ManifestCheck {
    private final Path root;

    KustomizationCheck(Path root) {
        this.root = root;
    }

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        List<KustomizationFile> kustomizations = KustomizationFile.all(root.resolve("k8s"));
        for (KustomizationFile kustomization : kustomizations) {
            String where = root.relativize(kustomization.file()).toString();
            kustomization.resources().stream()
                    .filter(r -> !Files.isRegularFile(r) && !Files.isRegularFile(r.resolve("kustomization.yaml")))
                    .forEach(r -> problems.add(where, "resource " + root.relativize(r) + " does not exist"));
            List<Manifest> objects = objects(kustomization, set);
            for (Path patch : kustomization.patches()) {
                if (!Files.isRegularFile(patch)) {
                    problems.add(where, "patch " + root.relativize(patch) + " does not exist");
                    continue;
                }
                set.stream()
                        .filter(m -> m.file().equals(root.relativize(patch).toString()))
                        .filter(m -> objects.stream()
                                .noneMatch(o ->
                                        o.kind().equals(m.kind()) && o.name().equals(m.name())))
                        .forEach(m -> problems.add(m.where(), "patches an object " + where + " does not build"));
            }
            kustomization.imageNames().stream()
                    .filter(image -> objects.stream().noneMatch(o -> uses(o, image)))
                    .forEach(
                            image -> problems.add(where, "images: " + image + " is used by no container of the build"));
            kustomization
                    .namespace()
                    .ifPresent(namespace -> set.stream()
                            .filter(m -> m.role() == Manifest.Role.EXTERNAL)
                            .filter(m -> !namespace.equals(
                                    m.doc().path("metadata").path("namespace").asText()))
                            .forEach(m -> problems.add(
                                    m.where(),
                                    "is not in the namespace " + where + " deploys to (" + namespace + ")")));
        }
        set.stream()
                .filter(m -> m.role() == Manifest.Role.UNREFERENCED)
                .forEach(m -> problems.add(m.where(), "is in no kustomization.yaml (neither resource nor patch)"));
    }

    /** The objects a kustomization builds: its resource files' documents, and those of the directories it includes. */
    private List<Manifest> objects(KustomizationFile kustomization, ManifestSet set) {
        List<Manifest> objects = new ArrayList<>();
        for (Path resource : kustomization.resources()) {
            if (Files.isRegularFile(resource)) {
                set.stream()
                        .filter(m -> m.file().equals(root.relativize(resource).toString()))
                        .forEach(objects::add);
            } else {
                Optional.of(resource.resolve("kustomization.yaml"))
                        .filter(Files::isRegularFile)
                        .flatMap(file -> KustomizationFile.all(resource).stream()
                                .filter(k -> k.file().equals(file.normalize()))
                                .findFirst())
                        .ifPresent(included -> objects.addAll(objects(included, set)));
            }
        }
        return objects;
    }

    private static boolean uses(Manifest object, String image) {
        return PodContainer.podSpec(object).stream()
                .flatMap(pod -> StreamSupport.stream(pod.path("containers").spliterator(), false))
                .map(c -> c.path("image").asText())
                .anyMatch(i -> i.equals(image) || i.startsWith(image + ":") || i.startsWith(image + "@"));
    }
}
