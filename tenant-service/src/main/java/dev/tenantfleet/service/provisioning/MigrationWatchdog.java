package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.Tenant;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fails provisioning that waited longer than {@code tenantfleet.provisioning.migration-timeout} for its
 * migration result, so a missing worker shows up as PROVISIONING_FAILED with a reason instead of a
 * tenant stuck in PROVISIONING; a retry sends a fresh command.
 */
@ApplicationScoped
public class MigrationWatchdog {
    private static final Logger LOG = Logger.getLogger(MigrationWatchdog.class);
    private final ProvisioningTransitions transitions;
    private final Duration timeout;

    MigrationWatchdog(ProvisioningTransitions transitions, TenantFleetConfig config) {
        this.transitions = transitions;
        this.timeout = config.provisioning().migrationTimeout();
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void failOverdueMigrations() {
        List<Tenant> overdue = Tenant.list(
                "status = ?1 and provisioningStep = ?2 and updatedAt < ?3",
                TenantStatus.PROVISIONING,
                ProvisioningStep.AWAIT_MIGRATION,
                Instant.now().minus(timeout));
        for (Tenant tenant : overdue) {
            try (TenantLogContext log = TenantLogContext.of(null, tenant.slug)) {
                LOG.warnf(
                        "Tenant %s: no migration result within %d s, provisioning failed",
                        tenant.slug, timeout.toSeconds());
            }
            transitions.fail(
                    tenant.id,
                    ProvisioningStep.AWAIT_MIGRATION,
                    TenantErrorCode.MIGRATION_FAILED,
                    "no migration result within " + timeout.toSeconds()
                            + " s: is a migration-worker running and bound to "
                            + "migration.commands? Retry provisioning once it is");
        }
    }
}
