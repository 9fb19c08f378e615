package dev.tenantfleet.identity.event;

import dev.tenantfleet.identity.cache.EntityVersions;
import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cleanup.TenantCleanup;
import dev.tenantfleet.identity.failure.Retrier;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.identity.reaction.Effect;
import dev.tenantfleet.identity.reaction.Reactions;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.observability.TenantLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.jboss.logging.Logger;

/**
 * Applies one identity event, idempotently: an event whose version is not newer than the last one applied to its
 * entity is ignored. An effect that is only tag invalidation is checked, applied and recorded by one atomic Redis
 * script; a removed membership is checked, invalidated, cleaned up in the tenant's database and only then recorded, so
 * a crash in between repeats an idempotent cleanup rather than skipping it.
 * <p>
 * A batch ({@link #handleAll}) pipelines the scripts of all its invalidation-only events in one Redis round trip. Those
 * need no in-process lock: each script is atomic, and one that lands while a removed membership of the same entity is
 * being cleaned up is either newer (then the cleanup's later record is a no-op and both effects stand, as if applied in
 * order) or older (ignored, or applied first: an invalidation only, harmless either way).
 */
@ApplicationScoped
public class IdentityEventHandler {
    private static final Logger LOG = Logger.getLogger(IdentityEventHandler.class);

    private final EntityVersions versions;
    private final IdentityCaches caches;
    private final Reactions reactions;
    private final TenantCleanup cleanup;
    private final EntityLocks locks;
    private final Retrier retrier;
    private final IdentityMetrics metrics;

    public IdentityEventHandler(
            IdentityCaches caches,
            Reactions reactions,
            TenantCleanup cleanup,
            EntityLocks locks,
            Retrier retrier,
            IdentityMetrics metrics) {
        this.caches = caches;
        this.versions = caches.versions();
        this.reactions = reactions;
        this.cleanup = cleanup;
        this.locks = locks;
        this.retrier = retrier;
        this.metrics = metrics;
    }

    /**
     * Applies a batch, each event on its own account, and hands each event's result to {@code settle} (with the
     * event's index) as soon as it is known: invalidation-only events first, in one pipelined round trip, then the
     * events with a cleanup one by one. Transient failures are retried, all of the batch within one
     * {@code identity.retry.max-duration}. Never throws: a failure is the result of the events it concerns.
     */
    public void handleAll(List<CloudEvent<IdentityEvent>> events, ObjIntConsumer<EventResult> settle) {
        long deadline = retrier.deadline();
        List<Integer> pipelined = new ArrayList<>();
        List<Integer> withCleanup = new ArrayList<>();
        List<EntityVersions.Invalidation> invalidations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IdentityEvent data = events.get(i).data();
            try {
                Effect effect = reactions.effectOf(data);
                if (effect.hasCleanup()) {
                    withCleanup.add(i);
                } else {
                    pipelined.add(i);
                    invalidations.add(
                            new EntityVersions.Invalidation(data.entity(), data.version(), effect.invalidate()));
                }
            } catch (RuntimeException e) {
                settle.accept(EventResult.failed(e), i);
            }
        }
        applyPipelined(events, pipelined, invalidations, deadline, settle);
        for (int i : withCleanup) {
            settle.accept(handleUntil(deadline, events.get(i)), i);
        }
    }

    private void applyPipelined(
            List<CloudEvent<IdentityEvent>> events,
            List<Integer> pipelined,
            List<EntityVersions.Invalidation> invalidations,
            long deadline,
            ObjIntConsumer<EventResult> settle) {
        if (pipelined.isEmpty()) {
            return;
        }
        List<EntityVersions.Applied> applied;
        try {
            applied = retrier.runUntil(
                    deadline,
                    pipelined.size() + " identity events",
                    () -> versions.invalidateAllIfNewer(invalidations));
        } catch (RuntimeException e) {
            pipelined.forEach(i -> settle.accept(EventResult.failed(e), i));
            return;
        }
        for (int k = 0; k < pipelined.size(); k++) {
            int i = pipelined.get(k);
            EntityVersions.Applied one = applied.get(k);
            if (one.error() != null) {
                settle.accept(EventResult.failed(one.error()), i);
            } else {
                Outcome outcome = one.applied() ? Outcome.APPLIED : Outcome.IGNORED_STALE;
                count(events.get(i), outcome);
                settle.accept(EventResult.of(outcome), i);
            }
        }
    }

    private EventResult handleUntil(long deadline, CloudEvent<IdentityEvent> event) {
        // Every line about this event (its cleanup, retries) names its tenant, by id: identity events carry no slug.
        try (TenantLogContext log = TenantLogContext.tenantId(event.data().tenantId())) {
            return EventResult.of(retrier.runUntil(deadline, "identity event " + event.id(), () -> handle(event)));
        } catch (RuntimeException e) {
            return EventResult.failed(e);
        }
    }

    /** Applies {@code event} (or ignores it as stale); throws when it cannot be applied now or ever. */
    public Outcome handle(CloudEvent<IdentityEvent> event) {
        IdentityEvent data = event.data();
        Outcome outcome = locks.withLock(data.entity(), () -> apply(data, reactions.effectOf(data)));
        count(event, outcome);
        return outcome;
    }

    private void count(CloudEvent<IdentityEvent> event, Outcome outcome) {
        IdentityEvent data = event.data();
        if (outcome == Outcome.APPLIED) {
            metrics.applied(data.routingSuffix(), event.time());
        } else {
            metrics.ignoredStale(data.routingSuffix());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf(
                    "%s %s %s v%d (event %s)",
                    outcome, data.routingSuffix(), data.entity(), data.version(), event.id());
        }
    }

    private Outcome apply(IdentityEvent event, Effect effect) {
        if (!effect.hasCleanup()) {
            return versions.invalidateIfNewer(event.entity(), event.version(), effect.invalidate())
                    ? Outcome.APPLIED
                    : Outcome.IGNORED_STALE;
        }
        if (!versions.isNewer(event.entity(), event.version())) {
            return Outcome.IGNORED_STALE;
        }
        effect.invalidate().forEach(caches::invalidate); // access goes at once, even if the cleanup has to wait
        cleanup.run(effect.cleanup().tenantId(), effect.cleanup().userId());
        versions.recordIfNewer(event.entity(), event.version());
        return Outcome.APPLIED;
    }
}
