package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GET /api/releases/plan?target=TAG&only=a,b}: per tenant, what a release to the target would apply. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanView(String targetTag, String changelogDigest, List<Tenant> tenants) {
    public PlanView {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /**
     * One tenant: its head, where it stands against the target (BEHIND, AT_TARGET, AHEAD, UNREADABLE; null from an older
     * tenant-service), the changesets it lacks, and how its database drifted from the changelog.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tenant(String slug, String head, String standing, List<Pending> pending, List<JsonNode> drift) {
        public Tenant {
            pending = pending == null ? List.of() : List.copyOf(pending);
            drift = drift == null ? List.of() : List.copyOf(drift);
        }
    }

    /** A pending changeset and its migration-safety warnings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pending(
            String key,
            String id,
            String author,
            String filePath,
            Boolean runInTransaction,
            Boolean rollbackSupported,
            List<Warning> warnings) {
        public Pending {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** e.g. kind DROP_COLUMN, NON_CONCURRENT_INDEX, TYPE_CHANGE, DATA_BACKFILL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Warning(String kind, String changeSet, String message) {}
}
