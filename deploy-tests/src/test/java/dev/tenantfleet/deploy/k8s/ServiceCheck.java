package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** A Service selects a workload, and every targetPort is a port that workload's containers declare. */
final class ServiceCheck implements ManifestCheck {
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        set.stream()
                .filter(Manifest::isObject)
                .filter(m -> m.kind().equals("Service"))
                .forEach(service -> {
                    JsonNode selector = service.doc().path("spec").path("selector");
                    List<Manifest> selected = set.stream()
                            .filter(Manifest::isObject)
                            .filter(m -> WORKLOADS.contains(m.kind()))
                            .filter(m -> Labels.selects(selector, Labels.podLabels(m)))
                            .toList();
                    if (selected.isEmpty()) {
                        problems.add(service.where(), "selects no Deployment, StatefulSet or DaemonSet of k8s/");
                        return;
                    }
                    for (JsonNode port : service.doc().path("spec").path("ports")) {
                        JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                        if (selected.stream().noneMatch(workload -> declares(workload, target.asText()))) {
                            problems.add(
                                    service.where(),
                                    "targetPort " + target.asText() + " is no port of the selected pods");
                        }
                    }
                });
    }

    static boolean declares(Manifest workload, String port) {
        return PodContainer.podSpec(workload).stream()
                .flatMap(pod -> StreamSupport.stream(pod.path("containers").spliterator(), false))
                .flatMap(c -> StreamSupport.stream(c.path("ports").spliterator(), false))
                .anyMatch(p -> p.path("name").asText().equals(port)
                        || p.path("containerPort").asText().equals(port));
    }
}
