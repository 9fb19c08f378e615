package dev.tenantfleet.identity.event;

import dev.tenantfleet.identity.cache.EntityVersions;
import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cleanup.TenantCleanup;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.identity.reaction.Effect;
import dev.tenantfleet.identity.reaction.Reactions;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies one identity event, idempotently: an event whose version is not newer than the last one applied to its
 * entity is ignored. An effect that is only tag invalidation is checked, applied and recorded by one atomic Redis
 * script; a removed membership is checked, invalidated, cleaned up in the tenant's database and only then recorded, so
 * a crash in between repeats an idempotent cleanup rather than skipping it.
 */
@ApplicationScoped
public class IdentityEventHandler {
    private static final Logger LOG = Logger.getLogger(IdentityEventHandler.class);

    private final EntityVersions versions;
    private final IdentityCaches caches;
    private final Reactions reactions;
    private final TenantCleanup cleanup;
    private final EntityLocks locks;
    private final IdentityMetrics metrics;

    public IdentityEventHandler(IdentityCaches caches, Reactions reactions, TenantCleanup cleanup, EntityLocks locks,
            IdentityMetrics metrics) {
        this.caches = caches;
        this.versions = caches.versions();
        this.reactions = reactions;
        this.cleanup = cleanup;
        this.locks = locks;
        this.metrics = metrics;
    }

    /** Applies {@code event} (or ignores it as stale); throws when it cannot be applied now or ever. */
    public Outcome handle(CloudEvent<IdentityEvent> event) {
        IdentityEvent data = event.data();
        Outcome outcome = locks.withLock(data.entity(), () -> apply(data, reactions.effectOf(data)));
        if (outcome == Outcome.APPLIED) {
            metrics.applied(data.routingSuffix(), event.time());
        } else {
            metrics.ignoredStale(data.routingSuffix());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s %s v%d (event %s)", outcome, data.routingSuffix(), data.entity(), data.version(), event.id());
        }
        return outcome;
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
