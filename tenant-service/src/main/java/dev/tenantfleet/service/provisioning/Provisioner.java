package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.credentials.Credentials;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.TenantProvisioning;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Runs a tenant's provisioning steps in the background, one step at a time, recording each before the
 * next starts. It stops at AWAIT_MIGRATION; the migration result resumes it. A tenant is never
 * provisioned by two threads of this instance at once, nor by two instances ({@link ProvisioningLock}).
 */
@ApplicationScoped
public class Provisioner implements TenantProvisioning {
    private static final Logger LOG = Logger.getLogger(Provisioner.class);

    private final ProvisioningTransitions transitions;
    private final TenantDatabaseAdmin admin;
    private final SeedLoader seed;
    private final Credentials credentials;
    private final ProvisioningLock lock;
    private final ManagedExecutor executor;
    private final Set<UUID> running = new HashSet<>();
    private final Set<UUID> rerunRequested = new HashSet<>();

    Provisioner(
            ProvisioningTransitions transitions,
            TenantDatabaseAdmin admin,
            SeedLoader seed,
            Credentials credentials,
            ProvisioningLock lock,
            TenantFleetConfig config) {
        this.transitions = transitions;
        this.admin = admin;
        this.seed = seed;
        this.credentials = credentials;
        this.lock = lock;
        // At most provisioning.concurrency tenants at once, on Quarkus' worker threads (its metrics, its shutdown);
        // no context of the caller (request, transaction) travels to a task.
        this.executor = ManagedExecutor.builder()
                .maxAsync(config.provisioning().concurrency())
                .maxQueued(-1)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    void shutdown(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Continues provisioning {@code tenantId} in the background from its stored step. */
    @Override
    public void resume(UUID tenantId) {
        executor.submit(() -> run(tenantId, false));
    }

    /**
     * Continues provisioning {@code tenantId} unless an instance is on it: what {@link ProvisioningRecovery} calls for
     * tenants whose instance may have died mid-step.
     */
    void resumeIfAbandoned(UUID tenantId) {
        synchronized (running) {
            if (running.contains(tenantId)) {
                return;
            }
        }
        executor.submit(() -> run(tenantId, true));
    }

    /** Puts a failed tenant back in PROVISIONING and resumes it from where it stopped. */
    @Override
    public UUID retry(String slug, String actor) {
        UUID tenantId = transitions.retry(slug, actor);
        resume(tenantId);
        return tenantId;
    }

    private void run(UUID tenantId, boolean abandoned) {
        synchronized (running) {
            if (!running.add(tenantId)) {
                // Another thread is on it; make it look again when done so this request is not lost.
                rerunRequested.add(tenantId);
                return;
            }
        }
        try (ProvisioningLock.Held held = lock.tryAcquire(tenantId).orElse(null)) {
            if (held == null) {
                LOG.debugf("Tenant %s is provisioned by another instance", tenantId);
                return;
            }
            runSteps(tenantId, abandoned);
        } catch (RuntimeException e) {
            // e.g. the control DB went away mid-step: the stored step is intact, ProvisioningRecovery resumes it.
            LOG.errorf(
                    e,
                    "Provisioning of tenant %s stopped unexpectedly; it resumes on the next recovery pass",
                    tenantId);
        } finally {
            synchronized (running) {
                running.remove(tenantId);
                if (rerunRequested.remove(tenantId)) {
                    resume(tenantId);
                }
            }
        }
    }

    private void runSteps(UUID tenantId, boolean abandoned) {
        Optional<ProvisioningJob> next;
        boolean first = true;
        while ((next = transitions.pending(tenantId)).isPresent()) {
            ProvisioningJob job = next.get();
            if (job.step() == ProvisioningStep.AWAIT_MIGRATION) {
                return;
            }
            // Every line of the step (TenantDatabaseAdmin's and SeedLoader's too) carries the tenant slug.
            try (TenantLogContext log = TenantLogContext.of(null, job.slug())) {
                if (abandoned && first) {
                    LOG.infof(
                            "Tenant %s: resuming provisioning at %s, which no instance was running",
                            job.slug(), job.step());
                }
                first = false;
                if (!attempt(job)) {
                    return;
                }
            }
        }
    }

    /** Runs one step; false when it failed, the failure recorded. */
    private boolean attempt(ProvisioningJob job) {
        try {
            runStep(job);
            return true;
        } catch (TenantFleetException e) {
            LOG.warnf("Tenant %s: provisioning failed at %s: %s", job.slug(), job.step(), e.getMessage());
            TenantErrorCode code = e.code() instanceof TenantErrorCode tenantCode
                    ? tenantCode
                    : TenantErrorCode.PROVISIONING_SQL_ERROR;
            transitions.fail(job.tenantId(), job.step(), code, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Tenant %s: provisioning failed unexpectedly at %s", job.slug(), job.step());
            transitions.fail(
                    job.tenantId(), job.step(), TenantErrorCode.PROVISIONING_SQL_ERROR, job.step() + " failed: " + e);
            return false;
        }
    }

    private void runStep(ProvisioningJob job) {
        switch (job.step()) {
            case CREATE_ROLE -> admin.createRole(job, credentials.decrypt(job.password()));
            case CREATE_DATABASE -> admin.createDatabase(job);
            case CREATE_EXTENSIONS -> admin.createExtensions(job);
            case MIGRATE -> {
                transitions.requestMigration(job.tenantId());
                LOG.infof("Tenant %s: migrate-tenant command queued", job.slug());
                return;
            }
            case LOAD_LOOKUP_DATA -> seed.load(job, credentials.decrypt(job.password()));
            case ACTIVATE -> {
                transitions.activate(job.tenantId());
                LOG.infof("Tenant %s: provisioned, ACTIVE", job.slug());
                return;
            }
            case AWAIT_MIGRATION -> throw new IllegalStateException("AWAIT_MIGRATION is not runnable");
        }
        transitions.completed(job.tenantId(), job.step());
    }
}
