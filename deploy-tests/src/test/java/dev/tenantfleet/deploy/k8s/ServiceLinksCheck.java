package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every pod turns service links off ({@code enableServiceLinks: false}). With them on, the kubelet sets, for every
 * Service of the namespace when the pod starts, {@code <NAME>_PORT=tcp://<ip>:<port>} and more, wherever the container
 * does not set the variable itself; the programs read variables of exactly that shape as port numbers
 * ({@code TENANT_SERVICE_PORT} is tenant-service's HTTP port; {@code RABBITMQ_PORT}, {@code REDIS_PORT}), so a Service
 * of the same name, ours or a neighbour's, crash-loops them with a URL where a number goes. A patch that turns them
 * back on is reported too.
 */
final class ServiceLinksCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        set.stream()
                .filter(m -> m.role() != Manifest.Role.KUSTOMIZATION)
                .forEach(workload -> PodContainer.podSpec(workload).ifPresent(pod -> {
                    JsonNode flag = pod.path("enableServiceLinks");
                    boolean off = flag.isBoolean() && !flag.booleanValue();
                    boolean leftToTheObject = !workload.isObject() && flag.isMissingNode();
                    if (!off && !leftToTheObject) {
                        problems.add(
                                workload.where(),
                                "needs enableServiceLinks: false: otherwise Kubernetes sets "
                                        + "<NAME>_PORT=tcp://<ip>:<port> (and <NAME>_SERVICE_HOST, ...) for every Service of the "
                                        + "namespace wherever the container does not set the variable itself"
                                        + exposed(workload, set, programs));
                    }
                }));
    }

    /** Which variables the pod's programs read and leave unset, and which of them a Service of the set would set. */
    private static String exposed(Manifest workload, ManifestSet set, Programs programs) {
        StringBuilder text = new StringBuilder();
        for (PodContainer container : set.containers()) {
            Program program = container.image().flatMap(programs::forImage).orElse(null);
            if (program == null || !container.owner().equals(workload)) {
                continue;
            }
            Map<String, String> env = ContainerEnv.effective(container, set);
            Set<String> unset = new TreeSet<>(program.reads().names());
            unset.removeIf(name -> !ServiceLinks.shaped(name) || env.containsKey(name));
            if (unset.isEmpty()) {
                continue;
            }
            text.append("; ")
                    .append(program.name())
                    .append(" reads ")
                    .append(String.join(", ", unset))
                    .append(unset.size() == 1 ? " as a port number" : " as port numbers");
            set.stream()
                    .filter(Manifest::isObject)
                    .filter(m -> m.kind().equals("Service"))
                    .forEach(service -> {
                        Set<String> hit = new TreeSet<>(ServiceLinks.of(service));
                        hit.retainAll(unset);
                        if (!hit.isEmpty()) {
                            boolean url = hit.stream().anyMatch(ServiceLinks.urls(service)::contains);
                            text.append(", and Service ")
                                    .append(service.name())
                                    .append(" sets ")
                                    .append(String.join(", ", hit))
                                    .append(
                                            url
                                                    ? " (to tcp://<ip>:<port>, where a number goes: the pod crash-loops)"
                                                    : " (to its own address)");
                        }
                    });
        }
        return text.toString();
    }
}
