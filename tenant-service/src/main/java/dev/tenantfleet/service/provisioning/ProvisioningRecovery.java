package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.Tenant;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resumes every tenant that is PROVISIONING at a runnable step with no instance on it: at startup (the service was
 * stopped mid-step), and every {@code tenantfleet.provisioning.recovery-interval} on every replica, for tenants whose
 * step has not moved for that long (the replica that ran the steps was killed; a tenant just created is left to the
 * instance that created it). {@link ProvisioningLock} tells the abandoned ones from those another replica is still
 * running. Tenants waiting for a migration result need nothing: their command is in the outbox or on the broker, and
 * the result queue is durable.
 */
@ApplicationScoped
public class ProvisioningRecovery {
    private static final Logger LOG = Logger.getLogger(ProvisioningRecovery.class);
    private final Provisioner provisioner;
    private final Duration interval;

    ProvisioningRecovery(Provisioner provisioner, TenantFleetConfig config) {
        this.provisioner = provisioner;
        this.interval = config.provisioning().recoveryInterval();
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        List<UUID> interrupted = interrupted(Instant.now());
        if (!interrupted.isEmpty()) {
            LOG.infof(
                    "Resuming provisioning of %d tenants left mid-step (those no other instance is running)",
                    interrupted.size());
        }
        interrupted.forEach(provisioner::resumeIfAbandoned);
    }

    @Scheduled(
            every = "${tenantfleet.provisioning.recovery-interval:10s}",
            delayed = "${tenantfleet.provisioning.recovery-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void resumeAbandoned() {
        interrupted(Instant.now().minus(interval)).forEach(provisioner::resumeIfAbandoned);
    }

    /** Tenants mid-provisioning at a runnable step whose last step moved before {@code movedBefore}. */
    private List<UUID> interrupted(Instant movedBefore) {
        List<Tenant> tenants = Tenant.list(
                "status = ?1 and provisioningStep <> ?2 and updatedAt < ?3",
                TenantStatus.PROVISIONING,
                ProvisioningStep.AWAIT_MIGRATION,
                movedBefore);
        return tenants.stream().map(tenant -> tenant.id).toList();
    }
}
