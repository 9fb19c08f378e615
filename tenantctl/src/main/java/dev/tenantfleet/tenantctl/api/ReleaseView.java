package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/releases/{id}}, the parts tenantctl reads (tolerant reader: anything else is ignored, an unknown
 * status or state reads as null).
 *
 * @param cohort 0-based cohort in progress
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseView(
        UUID id,
        String targetTag,
        String changelogDigest,
        ReleaseStatus status,
        String reason,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant rollbackStartedAt,
        Integer cohort,
        Integer cohorts,
        ReleaseCounts counts,
        List<Tenant> tenants) {

    public ReleaseView {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** From first to last recorded moment, or null. */
    public Duration duration() {
        Instant start = startedAt != null ? startedAt : createdAt;
        return start == null || finishedAt == null ? null : Duration.between(start, finishedAt);
    }

    /** How long its rollback took, when the release ended after rolling back (ROLLED_BACK, or FAILED), else null. */
    public Duration rollbackDuration() {
        boolean ended = status != null && status.terminal();
        return !ended || rollbackStartedAt == null || finishedAt == null
                ? null
                : Duration.between(rollbackStartedAt, finishedAt);
    }

    /** How long the release ran before its rollback began, or null. */
    public Duration durationBeforeRollback() {
        Instant start = startedAt != null ? startedAt : createdAt;
        return start == null || rollbackStartedAt == null ? null : Duration.between(start, rollbackStartedAt);
    }

    /** One tenant of the release. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tenant(
            UUID tenantId,
            String slug,
            Integer cohort,
            TenantReleaseState state,
            String headBefore,
            String headAfter,
            Long durationMillis,
            Integer attempts,
            List<JsonNode> appliedChangeSets,
            Error error) {
        public Tenant {
            appliedChangeSets = appliedChangeSets == null ? List.of() : List.copyOf(appliedChangeSets);
        }
    }

    /** Why a tenant failed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String code, String message, String hint, String changeSet, List<JsonNode> blockingSessions) {
        public Error {
            blockingSessions = blockingSessions == null ? List.of() : List.copyOf(blockingSessions);
        }
    }
}
