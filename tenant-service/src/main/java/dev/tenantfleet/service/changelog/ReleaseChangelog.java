package dev.tenantfleet.service.changelog;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.service.config.TenantFleetConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The tenant changelog, loaded once: releases are checked and planned against it, and its digest goes into commands. */
@ApplicationScoped
@Startup // a wrong changelog location fails the start, not the first release
public class ReleaseChangelog {
    private static final Logger LOG = Logger.getLogger(ReleaseChangelog.class);
    private final TenantChangelog changelog;

    ReleaseChangelog(TenantFleetConfig config) {
        this.changelog = TenantChangelog.load(config.changelog().location());
        LOG.infof(
                "Tenant changelog %s: digest %s, tags %s", changelog.location(), changelog.digest(), changelog.tags());
    }

    /** The loaded changelog. */
    public TenantChangelog get() {
        return changelog;
    }

    /**
     * Position of {@code tag} among the changelog's tags, -1 for a tenant with no tag (never migrated); tags the
     * changelog does not know sort as unknown (Integer.MIN_VALUE) so callers can treat them as drift.
     */
    public int rank(String tag) {
        return rank(changelog, tag);
    }

    /** {@link #rank(String)} in {@code changelog}. */
    public static int rank(TenantChangelog changelog, String tag) {
        if (tag == null) {
            return -1;
        }
        int index = changelog.tags().indexOf(tag);
        return index >= 0 ? index : Integer.MIN_VALUE;
    }
}
