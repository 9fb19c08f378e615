package dev.tenantfleet.worker.changelog;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.worker.config.WorkerConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Loads the configured tenant changelog once at startup (a missing or broken changelog fails the startup). */
@Startup
@ApplicationScoped
public class ChangelogSource {
    private static final Logger LOG = Logger.getLogger(ChangelogSource.class);

    private final TenantChangelog changelog;

    public ChangelogSource(WorkerConfig config) {
        this.changelog = TenantChangelog.load(config.changelog().location());
        LOG.infof(
                "Tenant changelog %s: %d changesets, tags %s, digest %s",
                changelog.location(), changelog.changeSets().size(), changelog.tags(), changelog.digest());
    }

    /** The parsed changelog. */
    public TenantChangelog changelog() {
        return changelog;
    }
}
