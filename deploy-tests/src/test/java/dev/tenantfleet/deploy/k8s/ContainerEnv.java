package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a container gets, as far as the manifests tell: envFrom first, then env (which wins), values
 * from the referenced ConfigMaps and Secrets, $(VAR) substituted as Kubernetes does. Secret values are the example
 * file's; only the names matter for secrets.
 */
public final class ContainerEnv {
    static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ContainerEnv() {}

    public static Map<String, String> effective(PodContainer container, ManifestSet set) {
        Map<String, String> env = new LinkedHashMap<>();
        container
                .merged("envFrom")
                .forEach(source -> source(source)
                        .ifPresent(ref -> set.data(ref.kind(), ref.name())
                                .ifPresent(data -> data.forEach((key, value) -> env.put(ref.prefix() + key, value)))));
        mergedEnv(container).forEach(entry -> env.put(entry.path("name").asText(), value(entry, env, set)));
        return env;
    }

    /** The env list a build yields: the patched object's entries, replaced or extended by the patch's, by name. */
    static List<JsonNode> mergedEnv(PodContainer container) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        container
                .base()
                .ifPresent(base ->
                        base.path("env").forEach(e -> entries.put(e.path("name").asText(), e)));
        container
                .container()
                .path("env")
                .forEach(e -> entries.put(e.path("name").asText(), e));
        return List.copyOf(entries.values());
    }

    /** $(VAR) replaced by the values defined so far; an undefined reference stays as written, as in Kubernetes. */
    static String substitute(String text, Map<String, String> defined) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = defined.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** An envFrom entry's ConfigMap or Secret. */
    static Optional<Reference> source(JsonNode envFrom) {
        String prefix = envFrom.path("prefix").asText("");
        boolean optional;
        if (envFrom.has("configMapRef")) {
            optional = envFrom.path("configMapRef").path("optional").asBoolean(false);
            return Optional.of(new Reference(
                    "ConfigMap", envFrom.path("configMapRef").path("name").asText(), prefix, optional));
        }
        if (envFrom.has("secretRef")) {
            optional = envFrom.path("secretRef").path("optional").asBoolean(false);
            return Optional.of(new Reference(
                    "Secret", envFrom.path("secretRef").path("name").asText(), prefix, optional));
        }
        return Optional.empty();
    }

    private static String value(JsonNode entry, Map<String, String> defined, ManifestSet set) {
        if (entry.has("value")) {
            return substitute(entry.path("value").asText(), defined);
        }
        return KeyReference.of(entry)
                .flatMap(ref -> set.data(ref.kind(), ref.name()).map(data -> data.get(ref.key())))
                .orElse("");
    }

    /** A ConfigMap or Secret an envFrom entry reads whole. */
    record Reference(String kind, String name, String prefix, boolean optional) {}
}
