package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import java.util.Map;
import java.util.Set;

/** One KEDA rabbitmq trigger: the real queue, the real virtual host, credentials that resolve, a broker KEDA reaches. */
final class RabbitTrigger {
    private RabbitTrigger() {}

    static void check(
            Manifest scaler,
            JsonNode trigger,
            Program program,
            PodContainer target,
            ManifestSet set,
            Problems problems) {
        String where = scaler.where() + " trigger rabbitmq";
        JsonNode metadata = trigger.path("metadata");
        Set<String> queues = program.http().orElseThrow().incomingQueues();
        String queue = metadata.path("queueName").asText();
        if (!queues.contains(queue)) {
            problems.add(where, "queueName " + queue + " is not a queue " + program.name() + " consumes " + queues);
        }
        Map<String, String> env = ContainerEnv.effective(target, set);
        String vhost = env.getOrDefault("RABBITMQ_VIRTUAL_HOST", "/");
        if (metadata.has("vhostName") && !metadata.path("vhostName").asText().equals(vhost)) {
            problems.add(
                    where,
                    "vhostName " + metadata.path("vhostName").asText() + " is not the service's " + "virtual host "
                            + vhost);
        }
        if (metadata.has("host")) {
            KedaBrokerHost.check(where + " host", metadata.path("host").asText(), env.get("RABBITMQ_HOST"), problems);
        }
        JsonNode authentication = trigger.path("authenticationRef");
        if (authentication.isMissingNode()) {
            if (!metadata.has("hostFromEnv")) {
                problems.add(where, "has no authenticationRef: the broker login would have to be in the manifest");
            }
            return;
        }
        String kind = authentication.path("kind").asText("TriggerAuthentication");
        set.object(kind, authentication.path("name").asText())
                .ifPresentOrElse(
                        auth -> auth.doc()
                                .path("spec")
                                .path("secretTargetRef")
                                .forEach(ref -> checkSecretTarget(auth, ref, env.get("RABBITMQ_HOST"), set, problems)),
                        () -> problems.add(
                                where,
                                "no " + kind + " " + authentication.path("name").asText() + " in k8s/"));
    }

    /** The Secret key exists; the host parameter it holds is one the KEDA operator can reach. */
    private static void checkSecretTarget(
            Manifest auth, JsonNode ref, String workerHost, ManifestSet set, Problems problems) {
        KeyReference key = new KeyReference(
                "Secret", ref.path("name").asText(), ref.path("key").asText(), false);
        key.problem(set).ifPresentOrElse(problem -> problems.add(auth.where(), problem), () -> {
            if (ref.path("parameter").asText().equals("host")) {
                set.data("Secret", key.name())
                        .map(data -> data.get(key.key()))
                        .ifPresent(url -> KedaBrokerHost.check(
                                auth.where() + " host (Secret " + key.name() + ")", url, workerHost, problems));
            }
        });
    }
}
