package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.QuarkusHttp;
import java.util.Map;

/**
 * The container port is the service's HTTP port, and each probe asks the SmallRye Health path of its kind on it:
 * readiness /ready, liveness /live, startup /started under quarkus.smallrye-health.root-path.
 */
final class ProbeCheck {
    private static final Map<String, String> KINDS =
            Map.of("readinessProbe", "ready", "livenessProbe", "live", "startupProbe", "started");

    private ProbeCheck() {}

    static void check(PodContainer container, QuarkusHttp http, int port, Map<String, String> env, Problems problems) {
        JsonNode c = container.container();
        boolean declared = false;
        for (JsonNode declaredPort : c.path("ports")) {
            declared |= declaredPort.path("containerPort").asInt() == port;
        }
        if (!declared) {
            problems.add(
                    container.where() + " ports",
                    "the service listens on " + port + ", which no containerPort declares");
        }
        for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
            if (!c.has(probe)) {
                problems.add(
                        container.where(), "has no " + probe + " (GET " + http.healthPath(KINDS.get(probe), env) + ")");
            }
        }
        KINDS.forEach((probe, kind) -> {
            if (c.has(probe)) {
                checkProbe(container, probe, http.healthPath(kind, env), port, problems);
            }
        });
    }

    private static void checkProbe(PodContainer container, String probe, String path, int port, Problems problems) {
        JsonNode get = container.container().path(probe).path("httpGet");
        String where = container.where() + " " + probe;
        if (!get.path("path").asText().equals(path)) {
            problems.add(where, "asks " + get.path("path").asText("(no httpGet path)") + ", not " + path);
        }
        if (portNumber(container.container(), get.path("port")) != port) {
            problems.add(where, "asks port " + get.path("port").asText() + ", but the service listens on " + port);
        }
    }

    /** A probe port as a number: given as one, or named after a containerPort. */
    private static int portNumber(JsonNode container, JsonNode port) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return Integer.parseInt(port.asText());
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }
}
