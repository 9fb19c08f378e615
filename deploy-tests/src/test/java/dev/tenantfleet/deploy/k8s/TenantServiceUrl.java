package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import java.net.URI;

/**
 * tenantctl's TENANTFLEET_URL points at a Service of k8s/ on one of its ports, and that Service selects
 * tenant-service's pods: a renamed Service or a moved port would otherwise show only as a failed deploy (exit 5).
 */
final class TenantServiceUrl {
    private TenantServiceUrl() {}

    static void check(PodContainer container, String url, ManifestSet set, Problems problems) {
        String where = container.where() + " env TENANTFLEET_URL";
        if (url == null || url.isBlank()) {
            problems.add(where, "is not set: tenantctl would call http://127.0.0.1:8080 inside the Job's pod");
            return;
        }
        URI uri = URI.create(url);
        String serviceName = uri.getHost() == null ? "" : uri.getHost().split("\\.")[0];
        int port = uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        var service = set.object("Service", serviceName);
        if (service.isEmpty()) {
            problems.add(where, "no Service " + serviceName + " in k8s/");
            return;
        }
        boolean hasPort = false;
        for (var servicePort : service.get().doc().path("spec").path("ports")) {
            hasPort |= servicePort.path("port").asInt() == port;
        }
        if (!hasPort) {
            problems.add(where, "Service " + serviceName + " has no port " + port);
        }
        var selector = service.get().doc().path("spec").path("selector");
        boolean servesTenantService = set.containers().stream()
                .filter(c -> c.owner().isObject() && c.image().orElse("").matches("(.*/)?tenant-service(:.*)?"))
                .anyMatch(c -> Labels.selects(selector, Labels.podLabels(c.owner())));
        if (!servesTenantService) {
            problems.add(where, "Service " + serviceName + " does not select tenant-service's pods");
        }
    }
}
