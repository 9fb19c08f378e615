package dev.tenantfleet.worker.tenantdb.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.worker.support.TenantDatabase;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session-scoped advisory lock against a real tenant database. */
class AdvisoryLockTest {
    private TenantDatabase db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TenantDatabase.create();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void aSecondSessionGivesUpAfterTheLockWaitAndGetsTheLockOnceTheFirstReleasesIt() throws Exception {
        try (Connection first = db.admin();
                Connection second = db.admin()) {
            assertThat(AdvisoryLock.acquire(first, Duration.ZERO)).isTrue();

            long started = System.nanoTime();
            assertThat(AdvisoryLock.acquire(second, Duration.ofMillis(300))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            assertThat(AdvisoryLock.release(first)).isTrue();
            assertThat(AdvisoryLock.acquire(second, Duration.ofSeconds(5))).isTrue();
            assertThat(AdvisoryLock.release(second)).isTrue();
        }
    }

    @Test
    void aSessionThatEndsReleasesTheLockSoAKilledWorkerNeverLeavesItBehind() throws Exception {
        try (Connection survivor = db.admin()) {
            try (Connection killed = db.admin()) {
                assertThat(AdvisoryLock.tryAcquire(killed)).isTrue();
                assertThat(AdvisoryLock.tryAcquire(survivor)).isFalse();
            }
            assertThat(AdvisoryLock.acquire(survivor, Duration.ofSeconds(5))).isTrue();
        }
    }
}
