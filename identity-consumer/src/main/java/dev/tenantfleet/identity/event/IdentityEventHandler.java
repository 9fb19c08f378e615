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
import java.util.Arrays;
import java.util.List;
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

    public IdentityEventHandler(IdentityCaches caches, Reactions reactions, TenantCleanup cleanup, EntityLocks locks,
            Retrier retrier, IdentityMetrics metrics) {
        this.caches = caches;
        this.versions = caches.versions();
        this.reactions = reactions;
        this.cleanup = cleanup;
        this.locks = locks;
        this.retrier = retrier;
        this.metrics = metrics;
    }

    /**
     * Applies a batch, each event on its own account, retrying what fails transiently (within
     * {@code identity.retry.max-duration}): invalidation-only events in one pipelined round trip, events with a
     * cleanup one by one. Never throws: a failure is the result of the events it concerns.
     *
     * @return one result per event, in order
     */
    public List<EventResult> handleAll(List<CloudEvent<IdentityEvent>> events) {
        EventResult[] results = new EventResult[events.size()];
        List<Integer> pipelined = new ArrayList<>();
        List<EntityVersions.Invalidation> invalidations = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            IdentityEvent data = events.get(i).data();
            try {
                Effect effect = reactions.effectOf(data);
                if (!effect.hasCleanup()) {
                    pipelined.add(i);
                    invalidations.add(new EntityVersions.Invalidation(data.entity(), data.version(), effect.invalidate()));
                }
            } catch (RuntimeException e) {
                results[i] = EventResult.failed(e);
            }
        }
        applyPipelined(events, pipelined, invalidations, results);
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = handleRetrying(events.get(i));
            }
        }
        return Arrays.asList(results);
    }

    private void applyPipelined(List<CloudEvent<IdentityEvent>> events, List<Integer> pipelined,
            List<EntityVersions.Invalidation> invalidations, EventResult[] results) {
        if (pipelined.isEmpty()) {
            return;
        }
        List<EntityVersions.Applied> applied;
        try {
            applied = retrier.run(pipelined.size() + " identity events",
                    () -> versions.invalidateAllIfNewer(invalidations));
        } catch (RuntimeException e) {
            pipelined.forEach(i -> results[i] = EventResult.failed(e));
            return;
        }
        for (int k = 0; k < pipelined.size(); k++) {
            int i = pipelined.get(k);
            EntityVersions.Applied one = applied.get(k);
            if (one.error() != null) {
                results[i] = EventResult.failed(one.error());
            } else {
                Outcome outcome = one.applied() ? Outcome.APPLIED : Outcome.IGNORED_STALE;
                count(events.get(i), outcome);
                results[i] = EventResult.of(outcome);
            }
        }
    }

    private EventResult handleRetrying(CloudEvent<IdentityEvent> event) {
        // Every line about this event (its cleanup, retries) names its tenant, by id: identity events carry no slug.
        try (TenantLogContext log = TenantLogContext.tenantId(event.data().tenantId())) {
            return EventResult.of(retrier.run("identity event " + event.id(), () -> handle(event)));
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
            LOG.debugf("%s %s %s v%d (event %s)", outcome, data.routingSuffix(), data.entity(), data.version(), event.id());
        }
    }

    private Outcome apply(IdentityEvent event, Effect effect) {
        if (!effect.hasCleanup()) {
            return versions.invalidateIfNewer(event.entity(), event.version(), effect.invalidate()) ? Outcome.APPLIED
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
