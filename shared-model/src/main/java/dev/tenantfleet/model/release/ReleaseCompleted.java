package dev.tenantfleet.model.release;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/**
 * The release reached a terminal status ({@link ReleaseStatus#terminal()}).
 *
 * @param failedTenants slugs that failed (migration or rollback)
 */
public record ReleaseCompleted(
        UUID releaseId,
        String targetTag,
        ReleaseStatus status,
        ReleaseCounts counts,
        long durationMillis,
        List<String> failedTenants,
        String reason)
        implements ReleaseEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.release.completed.v1";

    public ReleaseCompleted {
        field(releaseId, "releaseId");
        field(targetTag, "targetTag");
        field(status, "status");
        field(counts, "counts");
        failedTenants = failedTenants == null ? List.of() : List.copyOf(failedTenants);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "completed";
    }
}
