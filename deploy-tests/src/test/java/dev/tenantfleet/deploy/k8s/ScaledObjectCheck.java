package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.util.Optional;

/**
 * A KEDA ScaledObject scales a Deployment of k8s/ that sets no replicas of its own (or every apply would reset the
 * scaler's count), on a RabbitMQ queue that Deployment's service really consumes, in its virtual host, with
 * credentials from a TriggerAuthentication whose Secret keys exist.
 */
final class ScaledObjectCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        set.stream().filter(m -> m.kind().equals("ScaledObject")).forEach(scaler -> {
            Optional<Manifest> object =
                    scaler.isObject() ? Optional.of(scaler) : set.object("ScaledObject", scaler.name());
            String targetName = object.map(o -> o.doc()
                            .path("spec")
                            .path("scaleTargetRef")
                            .path("name")
                            .asText())
                    .orElse("");
            Optional<PodContainer> target = set.containers().stream()
                    .filter(c -> c.owner().isObject())
                    .filter(c -> c.owner().kind().equals("Deployment")
                            && c.owner().name().equals(targetName))
                    .findFirst();
            if (target.isEmpty()) {
                problems.add(scaler.where(), "scales " + targetName + ", which is no Deployment of k8s/");
                return;
            }
            if (scaler.isObject()) {
                set.stream()
                        .filter(m -> m.kind().equals("Deployment") && m.name().equals(targetName))
                        .filter(m -> m.doc().path("spec").has("replicas"))
                        .forEach(m -> problems.add(
                                m.where(),
                                "sets replicas, which resets the count ScaledObject " + scaler.name() + " manages"));
            }
            Optional<Program> program = target.get().image().flatMap(programs::forImage);
            for (JsonNode trigger : scaler.doc().path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("rabbitmq")
                        && program.flatMap(Program::http).isPresent()) {
                    RabbitTrigger.check(scaler, trigger, program.get(), target.get(), set, problems);
                }
            }
        });
    }
}
