package dev.tenantfleet.model.release;

/** What a release does when a cohort fails (its failures exceed the failure budget). */
public enum FailurePolicy {
    /** Finish the tenants in flight, start no more; the release ends HALTED and can be resumed. */
    HALT,
    /** Migrate everyone anyway and report the failures. */
    CONTINUE,
    /** Halt, then roll back every tenant this release migrated, newest first, to its pre-release head. */
    ROLLBACK
}
