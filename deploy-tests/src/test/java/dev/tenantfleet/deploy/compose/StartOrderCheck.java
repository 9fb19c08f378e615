package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import java.util.Set;

/**
 * depends_on only orders the start when it waits for a condition: every dependency exists, uses
 * {@code service_healthy} (or {@code service_completed_successfully} for one-shots), and what it waits on has a
 * health check.
 */
final class StartOrderCheck implements ComposeCheck {
    private static final Set<String> WAITING = Set.of("service_healthy", "service_completed_successfully");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            service.dependsOn().forEach((dependency, condition) -> {
                String where = service.where() + ".depends_on." + dependency;
                if (!project.hasService(dependency)) {
                    problems.add(where, "no such service");
                } else if (!WAITING.contains(condition)) {
                    problems.add(where, "starts without waiting: use condition: service_healthy");
                } else if (condition.equals("service_healthy")
                        && project.services().stream()
                                .filter(s -> s.name().equals(dependency))
                                .findFirst()
                                .flatMap(ComposeService::healthcheck)
                                .isEmpty()) {
                    problems.add(where, dependency + " has no healthcheck to wait for");
                }
            });
        }
    }
}
