package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Services built from this repository point at a module with its Dockerfile, name their image after the module (as
 * k8s/ does), and every service module is in the file.
 */
final class BuildCheck implements ComposeCheck {

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            service.buildContext().ifPresent(context -> checkBuild(project, service, context, problems));
        }
        Set<String> composed = project.services().stream()
                .flatMap(s -> project.program(s).stream())
                .map(Program::name)
                .collect(Collectors.toSet());
        project.programs().all().values().stream()
                .filter(program -> program.http().isPresent())
                .filter(program -> !composed.contains(program.name()))
                .forEach(program -> problems.add("docker-compose.yml", "no service runs " + program.name()));
    }

    private static void checkBuild(ComposeProject project, ComposeService service, String context, Problems problems) {
        Path dir = project.root().resolve(context).normalize();
        Path dockerfile = dir.resolve(service.dockerfile()).normalize();
        if (!Files.isRegularFile(dockerfile)) {
            problems.add(
                    service.where() + ".build",
                    "no Dockerfile at " + project.root().relativize(dockerfile));
            return;
        }
        String module = dir.getFileName().toString();
        if (project.programs().named(module).isEmpty()) {
            problems.add(service.where() + ".build", "context " + context + " is not a module with an image");
            return;
        }
        if (!Programs.dockerfile(dir).map(dockerfile::equals).orElse(false)) {
            problems.add(
                    service.where() + ".build", "builds " + service.dockerfile() + ", not the module's Dockerfile");
        }
        service.image()
                .filter(image -> !project.programs()
                        .forImage(image)
                        .map(Program::name)
                        .orElse("")
                        .equals(module))
                .ifPresent(image -> problems.add(service.where() + ".image", image + " is not named after " + module));
    }
}
