package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every document under k8s/ with its role, or a rendered build: the objects, the patches over them, and the lookups
 * the checks need (an object by kind and name, the keys a ConfigMap or Secret defines, the containers).
 */
public record ManifestSet(List<Manifest> manifests) {

    /** Every *.yaml under {@code root}/k8s, roles taken from the kustomization files. */
    public static ManifestSet load(Path root) {
        Path k8s = root.resolve("k8s");
        Map<Path, Manifest.Role> roles = KustomizationFile.roles(k8s);
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(k8s)) {
            files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().forEach(file -> {
                Manifest.Role role = roles.getOrDefault(
                        file.normalize(),
                        file.getFileName().toString().matches(".*\\.example\\.ya?ml$")
                                ? Manifest.Role.EXTERNAL
                                : Manifest.Role.UNREFERENCED);
                List<JsonNode> docs = Yaml.documents(file);
                for (int i = 0; i < docs.size(); i++) {
                    manifests.add(new Manifest(root.relativize(file).toString(), i, docs.get(i), role));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ManifestSet(manifests);
    }

    /** Documents of one role, all from {@code file} (snippets in tests, `kubectl kustomize` output). */
    public static List<Manifest> parse(String file, String yaml, Manifest.Role role) {
        List<JsonNode> docs = Yaml.documents(yaml);
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            manifests.add(new Manifest(file, i, docs.get(i), role));
        }
        return manifests;
    }

    public Stream<Manifest> stream() {
        return manifests.stream();
    }

    /** The whole object of that kind and name. */
    public Optional<Manifest> object(String kind, String name) {
        return stream()
                .filter(Manifest::isObject)
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst();
    }

    /** The keys and values of a ConfigMap or Secret: the object's, overridden by its patches (what a build yields). */
    public Optional<Map<String, String>> data(String kind, String name) {
        if (object(kind, name).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .sorted(Comparator.comparing(m -> !m.isObject()))
                .forEach(m -> Stream.of("data", "stringData", "binaryData")
                        .map(m.doc()::path)
                        .forEach(values -> values.fields()
                                .forEachRemaining(
                                        e -> data.put(e.getKey(), e.getValue().asText()))));
        return Optional.of(data);
    }

    /** Every container of every workload, objects and patches alike. */
    public List<PodContainer> containers() {
        List<PodContainer> containers = new ArrayList<>();
        stream()
                .filter(m -> m.role() != Manifest.Role.KUSTOMIZATION)
                .forEach(m -> PodContainer.podSpec(m)
                        .ifPresent(pod -> pod.path("containers")
                                .forEach(c -> containers.add(new PodContainer(m, pod, c, baseOf(m, c))))));
        return containers;
    }

    /** For a patch's container, the same container in the object it patches (which holds the image). */
    private Optional<JsonNode> baseOf(Manifest manifest, JsonNode container) {
        if (manifest.isObject()) {
            return Optional.empty();
        }
        return object(manifest.kind(), manifest.name())
                .flatMap(PodContainer::podSpec)
                .flatMap(pod -> PodContainer.named(pod, container.path("name").asText()));
    }
}
