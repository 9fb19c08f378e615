package dev.tenantfleet.model.release;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/**
 * The release moved on: published when its status or counts change.
 *
 * @param cohort  0-based index of the cohort in progress
 * @param cohorts number of cohorts
 */
public record ReleaseProgressed(
        UUID releaseId, String targetTag, ReleaseStatus status, int cohort, int cohorts, ReleaseCounts counts)
        implements ReleaseEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.release.progressed.v1";

    public ReleaseProgressed {
        field(releaseId, "releaseId");
        field(targetTag, "targetTag");
        field(status, "status");
        field(counts, "counts");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "progress";
    }
}
