package dev.tenantfleet.service.release;

/**
 * Serialises the creation of releases, across every tenant-service replica: a transaction-scoped advisory lock on the
 * control database, taken before a start looks for an existing release with its id or for one still in progress. Without
 * it, two starts at the same moment both found none: the same id posted twice ended in a duplicate-key 500, and two
 * different releases both passed "one release at a time" and ran side by side. Starts are rare; the second one waits
 * for the first to commit (its preflight included), then finds it.
 */
final class ReleaseStartLock {
    /** ASCII "TFRELSTA": a key of the control database's own, apart from the workers' "TFMIGRAT" on tenant databases. */
    static final long KEY = 0x544652454C535441L;

    private ReleaseStartLock() {}

    /** Waits for the lock; it is released when the caller's transaction ends. */
    static void acquire() {
        Release.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, KEY)
                .getSingleResult();
    }
}
