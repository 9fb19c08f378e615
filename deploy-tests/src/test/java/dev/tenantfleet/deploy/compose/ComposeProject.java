package dev.tenantfleet.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Yaml;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docker-compose.yml and .env.example, with the repository they build from. Tests also build one from snippets, to
 * prove that a drifted file is caught.
 *
 * @param root        the repository root (build contexts are relative to it)
 * @param composeText the compose file as written (interpolations unresolved)
 * @param envExample  .env.example
 * @param programs    the repository's programs
 */
public record ComposeProject(Path root, String composeText, DotEnv envExample, Programs programs) {

    public static ComposeProject of(Path root) {
        try {
            return new ComposeProject(
                    root,
                    Files.readString(root.resolve("docker-compose.yml")),
                    DotEnv.parse(Files.readString(root.resolve(".env.example"))),
                    Programs.of(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return Yaml.document(composeText);
    }

    public List<ComposeService> services() {
        List<ComposeService> services = new ArrayList<>();
        document()
                .path("services")
                .fields()
                .forEachRemaining(e -> services.add(new ComposeService(e.getKey(), e.getValue())));
        return services;
    }

    public boolean hasService(String name) {
        return document().path("services").has(name);
    }

    /** The program a service runs: its build context's module, or an image this repository builds. */
    public Optional<Program> program(ComposeService service) {
        Optional<String> context = service.buildContext();
        if (context.isPresent()) {
            return programs.named(
                    root.resolve(context.get()).normalize().getFileName().toString());
        }
        return service.image().filter(image -> image.startsWith("tenantfleet/")).flatMap(programs::forImage);
    }
}
