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

    /** The build context, from {@code build: dir} or {@code build: {context: dir}}. */
    public Optional<String> buildContext() {
        JsonNode build = node.get("build");
        return Optional.ofNullable(build == null ? null : build.isObject() ? Yaml.text(build.get("context")) : Yaml.text(build));
    }

    /** The Dockerfile relative to the context (Compose's default: Dockerfile). */
    public String dockerfile() {
        return Optional.ofNullable(Yaml.text(node.path("build").get("dockerfile"))).orElse("Dockerfile");
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

    /** depends_on: each dependency with its condition ("" for the short list form, which waits for nothing). */
    public Map<String, String> dependsOn() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        JsonNode dependsOn = node.path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(name -> dependencies.put(name.asText(), ""));
        } else {
            dependsOn.fields().forEachRemaining(e -> dependencies.put(e.getKey(), e.getValue().path("condition").asText("")));
        }
        return dependencies;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
