package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import java.util.Set;

/** One KEDA rabbitmq trigger: the real queue, the real virtual host, credentials that resolve. */
final class RabbitTrigger {
    private RabbitTrigger() {
    }

    static void check(Manifest scaler, JsonNode trigger, Program program, PodContainer target, ManifestSet set,
            Problems problems) {
        String where = scaler.where() + " trigger rabbitmq";
        JsonNode metadata = trigger.path("metadata");
        Set<String> queues = program.http().orElseThrow().incomingQueues();
        String queue = metadata.path("queueName").asText();
        if (!queues.contains(queue)) {
            problems.add(where, "queueName " + queue + " is not a queue " + program.name() + " consumes " + queues);
        }
        String vhost = ContainerEnv.effective(target, set).getOrDefault("RABBITMQ_VIRTUAL_HOST", "/");
        if (metadata.has("vhostName") && !metadata.path("vhostName").asText().equals(vhost)) {
            problems.add(where, "vhostName " + metadata.path("vhostName").asText() + " is not the service's "
                    + "virtual host " + vhost);
        }
        JsonNode authentication = trigger.path("authenticationRef");
        if (authentication.isMissingNode()) {
            if (!metadata.has("hostFromEnv")) {
                problems.add(where, "has no authenticationRef: the broker login would have to be in the manifest");
            }
            return;
        }
        String kind = authentication.path("kind").asText("TriggerAuthentication");
        set.object(kind, authentication.path("name").asText()).ifPresentOrElse(
                auth -> auth.doc().path("spec").path("secretTargetRef").forEach(ref -> new KeyReference("Secret",
                        ref.path("name").asText(), ref.path("key").asText(), false).problem(set)
                        .ifPresent(problem -> problems.add(auth.where(), problem))),
                () -> problems.add(where, "no " + kind + " " + authentication.path("name").asText() + " in k8s/"));
    }
}
