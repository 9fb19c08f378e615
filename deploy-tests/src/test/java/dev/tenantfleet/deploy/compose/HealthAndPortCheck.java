package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.QuarkusHttp;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service built here publishes the port it really listens on (quarkus.http.port with the service's environment)
 * and its health check asks the readiness path on that port (quarkus.smallrye-health.root-path + /ready).
 */
final class HealthAndPortCheck implements ComposeCheck {
    private static final Pattern LOCAL_URL =
            Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost|\\[::1]):(\\d+)(/[^\\s\"']*)");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            project.program(service)
                    .flatMap(Program::http)
                    .ifPresent(http -> check(service, http, service.environment(), problems));
        }
    }

    private static void check(ComposeService service, QuarkusHttp http, Map<String, String> env, Problems problems) {
        int port = http.port(env);
        service.containerPorts().stream()
                .filter(p -> p != port)
                .forEach(p -> problems.add(
                        service.where() + ".ports",
                        "publishes container port " + p + ", but the service listens on " + port));
        String ready = http.healthPath("ready", env);
        String healthcheck = service.healthcheck().orElse(null);
        if (healthcheck == null) {
            problems.add(service.where(), "no healthcheck (expected GET " + ready + " on port " + port + ")");
            return;
        }
        Matcher url = LOCAL_URL.matcher(healthcheck);
        if (!url.find()) {
            problems.add(service.where() + ".healthcheck", "does not call http://127.0.0.1:" + port + ready);
        } else if (Integer.parseInt(url.group(1)) != port || !url.group(2).equals(ready)) {
            problems.add(
                    service.where() + ".healthcheck",
                    "calls :" + url.group(1) + url.group(2) + ", but readiness is :" + port + ready);
        }
    }
}
