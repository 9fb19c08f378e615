package dev.tenantfleet.service.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serializes the start of releases across every tenant-service replica (and every thread of one): a
 * transaction-scoped advisory lock on the control database, taken before the preflight's "one release at a time"
 * check and held until the new release (or its refusal) commits. Without it two starts whose preflights overlap
 * (reading the tenants' histories takes seconds on a large fleet) both see no release in progress, and both
 * dispatch the same tenants.
 */
@ApplicationScoped
class ReleaseStartLock {
    /** The control database's lock key for starting a release (ASCII "TFRELEAS"). */
    static final long KEY = 0x544652454C454153L;

    private final EntityManager entityManager;

    ReleaseStartLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits until no other transaction is starting a release; the lock ends with the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void acquire() {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").setParameter("key", KEY)
                .getSingleResult();
    }
}
