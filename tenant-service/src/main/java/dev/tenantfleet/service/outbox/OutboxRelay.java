package dev.tenantfleet.service.outbox;

import dev.tenantfleet.service.config.TenantFleetConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows in id order and marks each sent only after the broker's publisher
 * confirm. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several tenant-service replicas
 * can relay side by side without publishing a row twice (a crash between confirm and commit can still
 * re-send it: consumers are idempotent on the message id).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final EntityManager entityManager;
    private final OutboxPublisher publisher;
    private final TenantFleetConfig config;

    OutboxRelay(EntityManager entityManager, OutboxPublisher publisher, TenantFleetConfig config) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.config = config;
    }

    /** Publishes right after a transaction that wrote to the outbox commits, off the committing thread. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.submit(() -> {
                wakeUpPending.set(false);
                relay();
            });
        }
    }

    /** Safety net: picks up what a wake-up missed (a broker outage, another replica's crash). */
    @Scheduled(
            every = "${tenantfleet.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        relay();
    }

    void shutdown(@Observes ShutdownEvent event) {
        wakeUps.shutdownNow();
    }

    private void relay() {
        // One relay pass at a time per instance keeps publication in commit order.
        synchronized (this) {
            try {
                while (publishBatch() == config.outbox().batchSize()) {
                    // a full batch: more may be waiting, go on without waiting for the next tick
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay pass failed, retrying on the next tick: %s", e.toString());
            }
        }
    }

    /** Publishes one batch of pending rows; returns how many rows it claimed. */
    @Transactional
    public int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> pending = entityManager
                .createNativeQuery(
                        "SELECT * FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
                        OutboxMessage.class)
                .setParameter("limit", config.outbox().batchSize())
                .getResultList();
        List<CompletableFuture<Void>> confirms = new ArrayList<>(pending.size());
        for (OutboxMessage row : pending) {
            confirms.add(publisher.publish(row));
        }
        long deadline = System.nanoTime() + config.outbox().confirmTimeout().toNanos();
        for (int i = 0; i < pending.size(); i++) {
            awaitConfirm(pending.get(i), confirms.get(i), deadline);
        }
        return pending.size();
    }

    private static void awaitConfirm(OutboxMessage row, CompletableFuture<Void> confirm, long deadline) {
        try {
            confirm.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            row.publishedAt = Instant.now();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            row.attempts++;
            row.lastError = String.valueOf(cause);
            LOG.warnf("Outbox message %s (%s) not confirmed, will retry: %s", row.messageId, row.type, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            row.attempts++;
            row.lastError = "interrupted";
        }
    }
}
