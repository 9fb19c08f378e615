package dev.tenantfleet.model.release;

/** How a release walks the fleet. */
public enum ReleaseStrategy {
    /** Every targeted tenant in one cohort, limited only by the concurrency caps. */
    FANOUT,
    /** A canary cohort first, then cohorts (growing waves, or explicit lists), each finished before the next starts. */
    COHORTS
}
