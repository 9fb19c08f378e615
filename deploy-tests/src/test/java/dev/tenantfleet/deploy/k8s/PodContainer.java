package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container with the pod and the document around it; for a patch, {@code base} is the patched object's container
 * of the same name, where the image is.
 */
public record PodContainer(Manifest owner, JsonNode pod, JsonNode container, Optional<JsonNode> base) {

    /** The pod spec of a workload of any kind (Deployment, Job, CronJob, Pod, ...). */
    public static Optional<JsonNode> podSpec(Manifest manifest) {
        JsonNode spec = manifest.doc().path("spec");
        JsonNode pod = switch (manifest.kind()) {
            case "Pod" -> spec;
            case "CronJob" ->
                spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
        return pod.path("containers").isArray() ? Optional.of(pod) : Optional.empty();
    }

    static Optional<JsonNode> named(JsonNode pod, String name) {
        for (JsonNode container : pod.path("containers")) {
            if (container.path("name").asText().equals(name)) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }

    public String name() {
        return container.path("name").asText();
    }

    public String where() {
        return owner.where() + " container " + name();
    }

    public Optional<String> image() {
        return Optional.ofNullable(Yaml.text(container.get("image")))
                .or(() -> base.map(b -> Yaml.text(b.get("image"))));
    }

    /** A field of the container, else of the patched object's container (what a build merges). */
    public JsonNode merged(String field) {
        JsonNode own = container.path(field);
        return own.isMissingNode() && base.isPresent() ? base.get().path(field) : own;
    }

    /** command and args, the words Kubernetes expands $(VAR) in. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        container.path("command").forEach(w -> words.add(w.asText()));
        container.path("args").forEach(w -> words.add(w.asText()));
        return words;
    }
}
