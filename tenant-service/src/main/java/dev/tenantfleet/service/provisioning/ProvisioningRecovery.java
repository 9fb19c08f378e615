package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.tenant.Tenant;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resumes every tenant that is PROVISIONING at a runnable step with no instance on it: at startup (the service was
 * stopped mid-step), and every {@code tenantfleet.provisioning.recovery-interval} on every replica (the replica that
 * ran the steps was killed). {@link ProvisioningLock} tells the abandoned ones from those another replica is running.
 * Tenants waiting for a migration result need nothing: their command is in the outbox or on the broker, and the
 * result queue is durable.
 */
@ApplicationScoped
public class ProvisioningRecovery {
    private static final Logger LOG = Logger.getLogger(ProvisioningRecovery.class);
    private final Provisioner provisioner;

    ProvisioningRecovery(Provisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        List<UUID> interrupted = interrupted();
        if (!interrupted.isEmpty()) {
            LOG.infof("Resuming provisioning of %d tenants interrupted by a restart", interrupted.size());
        }
        interrupted.forEach(provisioner::resumeIfAbandoned);
    }

    @Scheduled(every = "${tenantfleet.provisioning.recovery-interval:10s}", delayed = "${tenantfleet.provisioning.recovery-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void resumeAbandoned() {
        interrupted().forEach(provisioner::resumeIfAbandoned);
    }

    private List<UUID> interrupted() {
        List<Tenant> tenants = Tenant.list("status = ?1 and provisioningStep <> ?2", TenantStatus.PROVISIONING,
                ProvisioningStep.AWAIT_MIGRATION);
        return tenants.stream().map(tenant -> tenant.id).toList();
    }
}
