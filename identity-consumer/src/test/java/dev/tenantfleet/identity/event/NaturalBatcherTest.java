package dev.tenantfleet.identity.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching of identity deliveries, on its own: no broker needed to tell what a batch is. */
class NaturalBatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void shouldHandAnItemOnAtOnceAndAloneWhenTheWorkersAreIdle() {
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 4, 100, batches::add));

        batcher.onNext(1);
        await().atMost(WAIT).until(() -> batches.size() == 1);
        batcher.onNext(2);
        await().atMost(WAIT).until(() -> batches.size() == 2);

        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void shouldBatchWhatArrivesWhileTheWorkersAreBusyUpToTheMaximum() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 1, 4, blockingFirst(release)));

        batcher.onNext(0);
        await().atMost(WAIT).until(() -> batches.size() == 1);
        IntStream.rangeClosed(1, 6).forEach(batcher::onNext); // the only worker is busy: these wait in the queue
        release.countDown();

        await().atMost(WAIT).until(() -> batches.stream().mapToInt(List::size).sum() == 7);
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6));
    }

    @Test
    void shouldNeverRunMoreBatchesAtOnceThanItHasWorkers() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 3, 2, batch -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            awaitQuietly(release);
            batches.add(batch);
            running.decrementAndGet();
        }));

        IntStream.range(0, 50).forEach(batcher::onNext);
        await().atMost(WAIT).until(() -> running.get() == 3);
        release.countDown();

        await().atMost(WAIT).until(() -> batches.stream().mapToInt(List::size).sum() == 50);
        assertThat(mostAtOnce).hasValue(3);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 2));
    }

    @Test
    void shouldHandOnEveryItemExactlyOnceWhenManyThreadsDeliverAtOnce() throws Exception {
        ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        AtomicLong total = new AtomicLong();
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 2, 16, batch -> {
            batch.forEach(item -> seen.merge(item, 1, Integer::sum));
            total.addAndGet(batch.size());
        }));
        ExecutorService producers = Executors.newFixedThreadPool(4);
        int perProducer = 25_000;
        for (int p = 0; p < 4; p++) {
            int base = p * perProducer;
            producers.execute(() -> IntStream.range(base, base + perProducer).forEach(batcher::onNext));
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        await().atMost(WAIT).until(() -> total.get() == 4L * perProducer);
        assertThat(seen).hasSize(4 * perProducer);
        assertThat(Collections.max(seen.values())).isEqualTo(1);
    }

    @Test
    void shouldKeepGoingWhenABatchFailsOutsideItsOwnHandling() {
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 1, 10, batch -> {
            batches.add(batch);
            if (batch.contains(1)) {
                throw new IllegalStateException("a bug in the handler");
            }
        }));

        batcher.onNext(1);
        await().atMost(WAIT).until(() -> batches.size() == 1);
        batcher.onNext(2);

        await().atMost(WAIT).until(() -> batches.size() == 2);
        assertThat(batches.get(1)).containsExactly(2);
    }

    @Test
    void shouldHandOutNoMoreBatchesOnceStoppedAndLetTheOneInProgressFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NaturalBatcher<Integer> batcher = subscribed(new NaturalBatcher<>(executor, 1, 10, blockingFirst(release)));
        batcher.onNext(1);
        await().atMost(WAIT).until(() -> batches.size() == 1);
        batcher.onNext(2);

        batcher.stop();
        release.countDown();
        batcher.onNext(3);

        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS))
                .as("the worker ended")
                .isTrue();
        assertThat(batches).containsExactly(List.of(1));
    }

    @Test
    void shouldRequestEverythingUpstreamOffersSinceTheBrokerPrefetchIsTheBound() {
        AtomicLong requested = new AtomicLong();
        new NaturalBatcher<Integer>(executor, 1, 1, batches::add).onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {}
        });

        assertThat(requested).hasValue(Long.MAX_VALUE);
    }

    private Consumer<List<Integer>> blockingFirst(CountDownLatch release) {
        List<Integer> first = new ArrayList<>();
        return batch -> {
            batches.add(batch);
            if (first.isEmpty()) {
                first.addAll(batch);
                awaitQuietly(release);
            }
        };
    }

    private static NaturalBatcher<Integer> subscribed(NaturalBatcher<Integer> batcher) {
        batcher.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        return batcher;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
