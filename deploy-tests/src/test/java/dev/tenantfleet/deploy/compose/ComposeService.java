package dev.tenantfleet.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of docker-compose.yml, in both of Compose's spellings (map or list) of each field. */
public record ComposeService(String name, JsonNode node) {

    public String where() {
        return "docker-compose.yml: services." + name;
    }

    /** {@code environment:} as a map; a list entry without {@code =} passes a variable through with no value. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = node.path("environment");
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), orEmpty(Yaml.text(e.getValue()))));
        } else if (environment.isArray()) {
            environment.forEach(entry -> {
                String text = entry.asText();
                int equals = text.indexOf('=');
                env.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            });
        }
        return env;
    }

    public Optional<String> image() {
        return Optional.ofNullable(Yaml.text(node.get("image")));
    }

    /** The image's name without registry, path, tag or digest: {@code rabbitmq} for {@code docker.io/library/rabbitmq:3.13}. */
    public Optional<String> imageName() {
        return image().map(image -> {
            String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int slash = repository.lastIndexOf('/');
            int colon = repository.lastIndexOf(':');
            return repository.substring(slash + 1, colon > slash ? colon : repository.length());
        });
    }

    /** The image's tag, empty without one (which means latest); a digest-pinned image has none either. */
    public Optional<String> imageTag() {
        return image().filter(image -> !image.contains("@")).flatMap(image -> {
            int colon = image.lastIndexOf(':');
            return colon > image.lastIndexOf('/') ? Optional.of(image.substring(colon + 1)) : Optional.empty();
        });
    }

    /** The build context, from {@code build: dir} or {@code build: {context: dir}}. */
    public Optional<String> buildContext() {
        JsonNode build = node.get("build");
        return Optional.ofNullable(
                build == null ? null : build.isObject() ? Yaml.text(build.get("context")) : Yaml.text(build));
    }

    /** The Dockerfile relative to the context (Compose's default: Dockerfile). */
    public String dockerfile() {
        return Optional.ofNullable(Yaml.text(node.path("build").get("dockerfile")))
                .orElse("Dockerfile");
    }

    /** The container side of every published port ({@code [ip:]host:container[/proto]} or {@code target:}). */
    public List<Integer> containerPorts() {
        List<Integer> ports = new ArrayList<>();
        node.path("ports").forEach(port -> {
            String text = port.isObject() ? Yaml.text(port.get("target")) : port.asText();
            String[] parts = text.split("/")[0].split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].trim()));
        });
        return ports;
    }

    /** The health check command as one line, or empty without a health check. */
    public Optional<String> healthcheck() {
        JsonNode test = node.path("healthcheck").get("test");
        if (test == null || node.path("healthcheck").path("disable").asBoolean(false)) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        test.forEach(word -> words.add(word.asText()));
        return Optional.of(test.isArray() ? String.join(" ", words) : test.asText());
    }

    /**
     * The program the health check runs: the first word after CMD, or of the shell command (CMD-SHELL, or the string
     * form), without its directory; empty without a health check or with NONE.
     */
    public Optional<String> healthcheckExecutable() {
        JsonNode test = node.path("healthcheck").get("test");
        if (healthcheck().isEmpty()) {
            return Optional.empty();
        }
        String command;
        if (test.isArray()) {
            String form = test.path(0).asText();
            if (form.equals("NONE")) {
                return Optional.empty();
            }
            command = form.equals("CMD")
                    ? test.path(1).asText()
                    : firstWord(test.path(1).asText());
        } else {
            command = firstWord(test.asText());
        }
        return command.isEmpty() ? Optional.empty() : Optional.of(command.substring(command.lastIndexOf('/') + 1));
    }

    /** {@code hostname:}, if the file fixes one. */
    public Optional<String> hostname() {
        return Optional.ofNullable(Yaml.text(node.get("hostname"))).filter(name -> !name.isBlank());
    }

    /** Whether anything is mounted under {@code volumes:} (a named volume or a bind mount, short or long form). */
    public boolean hasVolumes() {
        return node.path("volumes").size() > 0;
    }

    /** depends_on: each dependency with its condition ("" for the short list form, which waits for nothing). */
    public Map<String, String> dependsOn() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        JsonNode dependsOn = node.path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(name -> dependencies.put(name.asText(), ""));
        } else {
            dependsOn
                    .fields()
                    .forEachRemaining(e -> dependencies.put(
                            e.getKey(), e.getValue().path("condition").asText("")));
        }
        return dependencies;
    }

    private static String firstWord(String command) {
        String trimmed = command.trim();
        return trimmed.isEmpty() ? "" : trimmed.split("\\s+")[0];
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
