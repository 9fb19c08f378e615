package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One key of a ConfigMap or Secret that something reads: an env entry's valueFrom, or a KEDA
 * TriggerAuthentication's secretTargetRef.
 */
record KeyReference(String kind, String name, String key, boolean optional) {

    /** The valueFrom.configMapKeyRef / secretKeyRef of an env entry, if it has one. */
    static Optional<KeyReference> of(JsonNode envEntry) {
        JsonNode valueFrom = envEntry.path("valueFrom");
        for (String field : new String[] {"configMapKeyRef", "secretKeyRef"}) {
            JsonNode ref = valueFrom.path(field);
            if (ref.isObject()) {
                return Optional.of(new KeyReference(
                        field.startsWith("configMap") ? "ConfigMap" : "Secret",
                        ref.path("name").asText(),
                        ref.path("key").asText(),
                        ref.path("optional").asBoolean(false)));
            }
        }
        return Optional.empty();
    }

    /** Why it does not resolve in {@code set}, or empty when the object exists and defines the key. */
    Optional<String> problem(ManifestSet set) {
        if (optional) {
            return Optional.empty();
        }
        Optional<Map<String, String>> data = set.data(kind, name);
        if (data.isEmpty()) {
            return Optional.of("no " + kind + " " + name + " in k8s/");
        }
        return data.get().containsKey(key) ? Optional.empty() : Optional.of(kind + " " + name + " has no key " + key);
    }
}
