package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;

/** Label selection as a Service or ScaledObject target does it. */
final class Labels {
    private Labels() {}

    /** Whether a non-empty {@code selector} matches {@code labels} (every selector label present and equal). */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        boolean[] all = {true};
        selector.fields()
                .forEachRemaining(e -> all[0] &=
                        e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
        return all[0];
    }

    static JsonNode podLabels(Manifest workload) {
        return workload.doc().path("spec").path("template").path("metadata").path("labels");
    }
}
