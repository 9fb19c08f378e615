package dev.tenantfleet.identity.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes, within this process, the events of one entity: events are worked on in parallel and unordered, and a
 * removed membership's check -> cleanup -> record must not interleave with a newer event of the same membership.
 * Striped, so memory does not grow with the number of entities.
 */
@ApplicationScoped
public class EntityLocks {
    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public EntityLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the lock of {@code entity}. */
    public <T> T withLock(String entity, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(entity.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
