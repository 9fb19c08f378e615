package dev.tenantfleet.identity.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A {@link Flow.Subscriber} that hands what it receives to {@code work} in batches, "naturally": a batch is whatever
 * arrived while the workers were busy, up to {@code maxBatch}. At a low rate every item is worked on at once, alone
 * (no timer, no added latency); under load the costs paid once per batch (a thread hand-off, a Redis round trip) are
 * shared by up to {@code maxBatch} items. At most {@code workers} batches are worked on at once, on {@code executor}.
 * <p>
 * It requests everything upstream offers: the bound is the broker's prefetch ({@code basic.qos}, the channel's
 * {@code max-outstanding-messages}), which stops deliveries until earlier ones are acked. {@code work} must settle
 * every item itself and not throw; if it does anyway, the failure is logged and the worker goes on. {@link #stop()}
 * lets the batches in progress finish and hands out no more.
 *
 * @param <T> the items, e.g. messages
 */
public final class NaturalBatcher<T> implements Flow.Subscriber<T> {
    private static final Logger LOG = Logger.getLogger(NaturalBatcher.class);

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;
    private final Executor executor;
    private final int workers;
    private final int maxBatch;
    private final Consumer<List<T>> work;

    public NaturalBatcher(Executor executor, int workers, int maxBatch, Consumer<List<T>> work) {
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException(
                    "workers and maxBatch must be >= 1, got " + workers + " and " + maxBatch);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.workers = workers;
        this.maxBatch = maxBatch;
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Hands out no more batches (for shutdown); items still queued stay unsettled, so the broker redelivers them. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
        queue.add(item);
        startWorkerIfNeeded();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.errorf(failure, "The stream of %s ended with a failure", work);
    }

    @Override
    public void onComplete() {
        LOG.debugf("The stream of %s completed", work);
    }

    private void startWorkerIfNeeded() {
        while (!stopped && !queue.isEmpty()) {
            int now = running.get();
            if (now >= workers) {
                return; // a running worker will take the item: it checks the queue again after its last batch
            }
            if (running.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException e) { // shutting down: unacked items go back to the queue
                    running.decrementAndGet();
                    LOG.debugf("Not starting a worker: %s", e.getMessage());
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            for (List<T> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                try {
                    work.accept(batch);
                } catch (RuntimeException | Error e) {
                    LOG.errorf(e, "A batch of %d items failed outside its own handling", batch.size());
                }
            }
        } finally {
            running.decrementAndGet();
            startWorkerIfNeeded(); // an item queued after our last poll, while we still counted as running
        }
    }

    private List<T> nextBatch() {
        if (stopped) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(Math.min(maxBatch, 64));
        for (T item = queue.poll(); item != null; item = batch.size() < maxBatch ? queue.poll() : null) {
            batch.add(item);
        }
        return batch;
    }
}
