package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import java.util.Set;

/**
 * The health check of an image built here runs a program its own Dockerfile installs. The services' base image
 * (eclipse-temurin) has curl only as a leftover of its own build, and newer ones dropped it: relying on that, a base
 * bump turns every health check into "executable file not found", every container unhealthy, and every service that
 * waits for it (depends_on: service_healthy) unstarted.
 */
final class HealthToolCheck implements ComposeCheck {
    // What every image of this repository has by construction: the shell of its entrypoint and the JRE it runs on.
    private static final Set<String> PROVIDED = Set.of("sh", "java");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            if (service.buildContext().isEmpty()) {
                continue;
            }
            project.program(service)
                    .ifPresent(program -> service.healthcheckExecutable()
                            .filter(tool -> !PROVIDED.contains(tool)
                                    && !program.dockerfile().installed().contains(tool))
                            .ifPresent(
                                    tool -> problems.add(
                                            service.where() + ".healthcheck",
                                            "runs " + tool + ", which "
                                                    + project.root()
                                                            .relativize(program.dockerfile()
                                                                    .path()) + " does not install: the check "
                                                    + "works only while the base image happens to ship it")));
        }
    }
}
