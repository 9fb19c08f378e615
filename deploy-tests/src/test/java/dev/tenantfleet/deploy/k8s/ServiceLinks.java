package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables Kubernetes' service links set in a pod for one Service of its namespace, as the kubelet names them:
 * {@code TENANT_SERVICE_SERVICE_HOST}, {@code TENANT_SERVICE_SERVICE_PORT[_<PORT NAME>]}, and the Docker-links forms
 * {@code TENANT_SERVICE_PORT=tcp://10.0.0.7:8080}, {@code TENANT_SERVICE_PORT_8080_TCP[_PROTO|_PORT|_ADDR]}.
 */
final class ServiceLinks {
    private ServiceLinks() {}

    static Set<String> of(Manifest service) {
        String prefix = envName(service.name());
        Set<String> names = new TreeSet<>(Set.of(prefix + "_SERVICE_HOST", prefix + "_SERVICE_PORT", prefix + "_PORT"));
        for (JsonNode port : service.doc().path("spec").path("ports")) {
            if (port.hasNonNull("name")) {
                names.add(prefix + "_SERVICE_PORT_" + envName(port.path("name").asText()));
            }
            String tcp = prefix + "_PORT_" + port.path("port").asText() + "_"
                    + port.path("protocol").asText("TCP");
            names.addAll(Set.of(tcp, tcp + "_PROTO", tcp + "_PORT", tcp + "_ADDR"));
        }
        return names;
    }

    /** Those of them whose value is a URL, {@code tcp://<ip>:<port>}, not a number: a port read from one fails at start. */
    static Set<String> urls(Manifest service) {
        String prefix = envName(service.name());
        Set<String> names = new TreeSet<>(Set.of(prefix + "_PORT"));
        for (JsonNode port : service.doc().path("spec").path("ports")) {
            names.add(prefix + "_PORT_" + port.path("port").asText() + "_"
                    + port.path("protocol").asText("TCP"));
        }
        return names;
    }

    /** Whether a variable has the shape of one a Service could set: a Service named after its prefix would. */
    static boolean shaped(String variable) {
        return variable.matches("[A-Z][A-Z0-9_]*_(PORT|SERVICE_HOST|SERVICE_PORT)") && !variable.startsWith("QUARKUS_");
    }

    private static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
