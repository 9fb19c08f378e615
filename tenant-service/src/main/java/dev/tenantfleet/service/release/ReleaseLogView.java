package dev.tenantfleet.service.release;

import java.time.Instant;
import java.util.UUID;

/** One line of a release's log. */
public record ReleaseLogView(Instant at, UUID tenantId, String slug, String event, String details) {
    static ReleaseLogView of(ReleaseLogEntry entry) {
        return new ReleaseLogView(entry.at, entry.tenantId, entry.slug, entry.event, entry.details);
    }
}
