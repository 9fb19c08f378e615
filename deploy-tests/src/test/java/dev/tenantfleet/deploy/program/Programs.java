package dev.tenantfleet.deploy.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every program of the repository that has an image: each module with a Dockerfile under {@code src/main/docker}.
 * Images are matched by their last path segment ({@code registry.example.com/tenantfleet/tenant-service:1.0} ->
 * tenant-service), so an overlay's registry and tag do not matter.
 */
public final class Programs {
    private static final Map<Path, Programs> CACHE = new ConcurrentHashMap<>();
    private final Map<String, Program> byName;

    private Programs(Map<String, Program> byName) {
        this.byName = byName;
    }

    /** The repository's programs (parsed once per run: every test reads the same sources). */
    public static Programs of(Path root) {
        return CACHE.computeIfAbsent(root, Programs::load);
    }

    public Optional<Program> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Program> all() {
        return byName;
    }

    /** The program an image runs, if this repository builds it. */
    public Optional<Program> forImage(String image) {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = repository.lastIndexOf('/');
        int colon = repository.lastIndexOf(':');
        if (colon > slash) {
            repository = repository.substring(0, colon);
        }
        return named(repository.substring(slash + 1));
    }

    private static Programs load(Path root) {
        Map<String, Program> programs = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(Files::isDirectory)
                    .forEach(module -> dockerfile(module)
                            .ifPresent(dockerfile -> programs.put(
                                    module.getFileName().toString(), ProgramLoader.load(module, dockerfile))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Programs(programs);
    }

    /** The module's Dockerfile: Dockerfile.jvm for a Quarkus service, Dockerfile otherwise. */
    public static Optional<Path> dockerfile(Path module) {
        return Stream.of("Dockerfile.jvm", "Dockerfile")
                .map(module.resolve("src/main/docker")::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
