package dev.tenantfleet.service.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The release-log lines one transaction writes, collected in memory by the transitions of {@link Release} and
 * {@link ReleaseTenant} and persisted by whoever runs them ({@link ReleaseLogEntry#appendAll}). Collecting rather
 * than persisting keeps the transitions, and the step that chains them, free of the database: a unit test reads the
 * lines back.
 */
final class ReleaseJournal {
    /** One line of the release log; {@code tenantId} and {@code slug} are null for the release as a whole. */
    record Line(UUID releaseId, UUID tenantId, String slug, String event, String details, Instant at) {}

    private final List<Line> lines = new ArrayList<>();

    void release(UUID releaseId, String event, String details, Instant at) {
        lines.add(new Line(releaseId, null, null, event, details, at));
    }

    void tenant(ReleaseTenant tenant, String event, String details, Instant at) {
        lines.add(new Line(tenant.releaseId, tenant.tenantId, tenant.slug, event, details, at));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }
}
