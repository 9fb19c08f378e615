package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/fleet/status}: how many tenants at each head, who is behind the changelog head, who drifted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetStatusView(
        String changelogHead,
        String changelogDigest,
        Integer total,
        Map<String, Integer> byHead,
        List<Behind> behind,
        List<Drifted> drifted) {
    public FleetStatusView {
        byHead = byHead == null ? Map.of() : new LinkedHashMap<>(byHead);
        behind = behind == null ? List.of() : List.copyOf(behind);
        drifted = drifted == null ? List.of() : List.copyOf(drifted);
    }

    /** A tenant behind the changelog head. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Behind(String slug, String head) {}

    /** A tenant whose database differs from the changelog history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drifted(String slug, String head, List<JsonNode> drift) {
        public Drifted {
            drift = drift == null ? List.of() : List.copyOf(drift);
        }
    }
}
