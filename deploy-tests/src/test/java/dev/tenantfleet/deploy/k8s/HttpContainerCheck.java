package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import dev.tenantfleet.deploy.program.QuarkusHttp;
import java.util.Map;

/**
 * A service's pod declares the port it really listens on, probes its real SmallRye Health paths there, tells
 * Prometheus where the metrics are, has requests and a memory limit its heap fits in, and gives running work the
 * shutdown time the service asks for.
 */
final class HttpContainerCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        for (PodContainer container : set.containers()) {
            Program program = container.image().flatMap(programs::forImage).orElse(null);
            if (program == null || program.http().isEmpty()) {
                continue;
            }
            Map<String, String> env = ContainerEnv.effective(container, set);
            HeapCheck.check(container, env, problems);
            if (container.owner().isObject()) {
                QuarkusHttp http = program.http().get();
                int port = http.port(env);
                ProbeCheck.check(container, http, port, env, problems);
                scrapeAnnotations(container, http.metricsPath(env), port, problems);
                shutdown(container, http, problems);
            }
        }
    }

    private static void scrapeAnnotations(PodContainer container, String metricsPath, int port, Problems problems) {
        var annotations = container
                .owner()
                .doc()
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations");
        String where = container.owner().where() + " pod annotations";
        if (!annotations.path("prometheus.io/scrape").asText().equals("true")) {
            problems.add(where, "prometheus.io/scrape is not \"true\"");
        }
        if (!annotations.path("prometheus.io/port").asText().equals(String.valueOf(port))) {
            problems.add(where, "prometheus.io/port is not " + port);
        }
        if (!annotations.path("prometheus.io/path").asText().equals(metricsPath)) {
            problems.add(where, "prometheus.io/path is not " + metricsPath);
        }
    }

    /** Running migrations get shutdown-timeout to finish on SIGTERM; a shorter grace period kills them half way. */
    private static void shutdown(PodContainer container, QuarkusHttp http, Problems problems) {
        long graceMillis = container.pod().path("terminationGracePeriodSeconds").asLong(30) * 1000;
        if (graceMillis <= http.longestShutdownMillis()) {
            problems.add(
                    container.owner().where(),
                    "terminationGracePeriodSeconds must exceed the service's " + "shutdown-timeout of "
                            + http.longestShutdownMillis() / 1000 + " s");
        }
    }
}
