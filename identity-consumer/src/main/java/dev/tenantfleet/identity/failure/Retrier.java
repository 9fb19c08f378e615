package dev.tenantfleet.identity.failure;

import dev.tenantfleet.identity.cache.IdentityCacheException;
import dev.tenantfleet.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries work that failed transiently (Redis unavailable, a database unreachable) with exponential backoff, within
 * {@code identity.retry.max-duration}; then the last failure is thrown and the caller nacks the delivery with requeue.
 * Anything not transient is thrown at once.
 */
@ApplicationScoped
public class Retrier {
    private static final Logger LOG = Logger.getLogger(Retrier.class);

    private final IdentityConfig.Retry config;

    public Retrier(IdentityConfig config) {
        this.config = config.retry();
    }

    /** Runs {@code work}, retrying transient failures; {@code what} names it in the log. */
    public <T> T run(String what, Supplier<T> work) {
        return runUntil(deadline(), what, work);
    }

    /** The deadline ({@link System#nanoTime()}) of work that starts now, for several pieces sharing one budget. */
    public long deadline() {
        return System.nanoTime() + config.maxDuration().toNanos();
    }

    /**
     * Runs {@code work}, retrying transient failures until {@code deadline} ({@link #deadline()}): once it has passed,
     * one attempt and no retry, so pieces of one batch share a single retry budget instead of adding up theirs.
     */
    public <T> T runUntil(long deadline, String what, Supplier<T> work) {
        Duration backoff = config.initialBackoff();
        int attempt = 1;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warnf(
                            "%s failed (%s); retrying with backoff for up to %d ms",
                            what, e.getMessage(), (deadline - System.nanoTime()) / 1_000_000);
                }
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                attempt++;
            }
        }
    }

    /** Whether waiting may help: Redis unavailable, or a retryable consumer failure. */
    public static boolean isTransient(Throwable e) {
        if (e instanceof IdentityCacheException cache) {
            return cache.isTransient();
        }
        if (e instanceof IdentityConsumerException consumer) {
            return consumer.code().retryable();
        }
        return false;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
