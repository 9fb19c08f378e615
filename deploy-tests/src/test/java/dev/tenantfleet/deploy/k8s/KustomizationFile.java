package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One kustomization.yaml: what it includes, patches and renames. */
record KustomizationFile(Path file, JsonNode doc) {

    static List<KustomizationFile> all(Path k8s) {
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .map(f -> new KustomizationFile(f.normalize(), Yaml.document(read(f))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The role of every file some kustomization names (the kustomization files themselves included). */
    static Map<Path, Manifest.Role> roles(Path k8s) {
        Map<Path, Manifest.Role> roles = new HashMap<>();
        for (KustomizationFile kustomization : all(k8s)) {
            roles.put(kustomization.file(), Manifest.Role.KUSTOMIZATION);
            kustomization.resources().stream()
                    .filter(Files::isRegularFile)
                    .forEach(r -> roles.put(r, Manifest.Role.RESOURCE));
            kustomization.patches().forEach(p -> roles.put(p, Manifest.Role.PATCH));
        }
        return roles;
    }

    Path dir() {
        return file.getParent();
    }

    /** resources: files, or directories holding a kustomization of their own. */
    List<Path> resources() {
        return paths(doc.path("resources"));
    }

    /** patches: (the {@code path:} form) and the older patchesStrategicMerge. */
    List<Path> patches() {
        List<Path> patches = new ArrayList<>();
        doc.path("patches")
                .forEach(p -> Optional.ofNullable(Yaml.text(p.get("path")))
                        .ifPresent(path -> patches.add(dir().resolve(path).normalize())));
        patches.addAll(paths(doc.path("patchesStrategicMerge")));
        return patches;
    }

    /** images: the names it re-tags (they must be images the resources use, or the re-tag does nothing). */
    List<String> imageNames() {
        List<String> names = new ArrayList<>();
        doc.path("images").forEach(image -> names.add(image.path("name").asText()));
        return names;
    }

    Optional<String> namespace() {
        return Optional.ofNullable(Yaml.text(doc.get("namespace")));
    }

    private List<Path> paths(JsonNode list) {
        List<Path> paths = new ArrayList<>();
        list.forEach(entry -> paths.add(dir().resolve(entry.asText()).normalize()));
        return paths;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
