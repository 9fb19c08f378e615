package dev.tenantfleet.worker.tenantdb.guard;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The timer threads of per-tenant timeouts: two are plenty, firing is rare and short. */
@ApplicationScoped
public class TenantTimeouts {
    private final AtomicInteger threads = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "tenant-timeouts-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Arms the guard of {@code session}, firing at {@code deadlineNanos}. */
    public TimeoutGuard start(GuardedSession session, int seconds, long deadlineNanos) {
        return TimeoutGuard.start(scheduler, session, seconds, deadlineNanos);
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
