package dev.tenantfleet.identity.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.identity.cache.IdentityCacheErrorCode;
import dev.tenantfleet.identity.cache.IdentityCacheException;
import dev.tenantfleet.identity.config.IdentityConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** In-process retries, on their own: which failures are retried, and the budget a batch's events share. */
class RetrierTest {
    private final Retrier retrier =
            new Retrier(config(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void shouldRetryATransientFailureUntilTheWorkSucceeds() {
        String result = retrier.run("work", () -> attempts.incrementAndGet() < 3 ? unavailable() : "done");

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldNotRetryAFailureThatWaitingCannotHelp() {
        assertThatThrownBy(() -> retrier.run("work", () -> {
                    attempts.incrementAndGet();
                    throw new IdentityCacheException(IdentityCacheErrorCode.REDIS_ERROR, "refused");
                }))
                .isInstanceOf(IdentityCacheException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldTryOnceWithoutRetryingWhenTheSharedDeadlineHasPassed() {
        long passed = System.nanoTime() - 1;

        assertThatThrownBy(() -> retrier.runUntil(passed, "the second event of a batch", () -> {
                    attempts.incrementAndGet();
                    return unavailable();
                }))
                .isInstanceOf(IdentityCacheException.class);

        assertThat(attempts).as("one attempt: the batch's budget is spent").hasValue(1);
    }

    private static String unavailable() {
        throw new IdentityCacheException(IdentityCacheErrorCode.REDIS_UNAVAILABLE, "Redis is down");
    }

    /** An {@link IdentityConfig} that answers only {@code retry()}, all the Retrier reads. */
    private static IdentityConfig config(Duration initial, Duration max, Duration total) {
        IdentityConfig.Retry retry = new IdentityConfig.Retry() {
            @Override
            public Duration initialBackoff() {
                return initial;
            }

            @Override
            public Duration maxBackoff() {
                return max;
            }

            @Override
            public Duration maxDuration() {
                return total;
            }
        };
        return (IdentityConfig) Proxy.newProxyInstance(
                RetrierTest.class.getClassLoader(), new Class<?>[] {IdentityConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("retry")) {
                        return retry;
                    }
                    throw new AssertionError("Retrier is expected to read only retry(), it read " + method.getName());
                });
    }
}
