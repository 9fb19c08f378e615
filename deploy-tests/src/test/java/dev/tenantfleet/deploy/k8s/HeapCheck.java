package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Requests and a memory limit are set, and the heap fits the limit with room to spare: metaspace, thread stacks, code
 * cache and direct buffers live outside -Xmx, so a heap above 75 % of the limit gets the pod OOM-killed under load
 * instead of collected.
 */
final class HeapCheck {
    private HeapCheck() {}

    static void check(PodContainer container, Map<String, String> env, Problems problems) {
        var resources = container.merged("resources");
        OptionalLong limit =
                Memory.quantity(resources.path("limits").path("memory").asText(null));
        if (container.owner().isObject()) {
            if (resources.path("requests").path("cpu").isMissingNode()
                    || resources.path("requests").path("memory").isMissingNode()) {
                problems.add(container.where() + " resources", "needs cpu and memory requests");
            }
            if (limit.isEmpty()) {
                problems.add(container.where() + " resources", "needs a memory limit");
            }
        }
        OptionalLong heap = Memory.maxHeap(env.get("JAVA_OPTS"));
        if (heap.isPresent() && limit.isPresent() && heap.getAsLong() > limit.getAsLong() * 3 / 4) {
            problems.add(
                    container.where(),
                    "-Xmx of " + (heap.getAsLong() >> 20) + " MiB leaves too little of the " + (limit.getAsLong() >> 20)
                            + " MiB memory limit outside the heap (keep it at most 75 %)");
        }
    }
}
