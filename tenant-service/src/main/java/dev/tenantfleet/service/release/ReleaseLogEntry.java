package dev.tenantfleet.service.release;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a release's append-only log: what happened to which tenant (or to the release), when. */
@Entity
@Table(name = "release_log")
public class ReleaseLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id")
    public UUID releaseId;

    @Column(name = "tenant_id")
    public UUID tenantId;

    public String slug;
    public String event;
    public String details;
    public Instant at;

    /** Appends a line inside the caller's transaction. */
    static void append(UUID releaseId, UUID tenantId, String slug, String event, String details) {
        append(releaseId, tenantId, slug, event, details, Instant.now());
    }

    /** Appends what the transitions of one transaction wrote, in order. */
    static void appendAll(ReleaseJournal journal) {
        journal.lines()
                .forEach(line -> append(
                        line.releaseId(), line.tenantId(), line.slug(), line.event(), line.details(), line.at()));
    }

    private static void append(UUID releaseId, UUID tenantId, String slug, String event, String details, Instant at) {
        ReleaseLogEntry entry = new ReleaseLogEntry();
        entry.releaseId = releaseId;
        entry.tenantId = tenantId;
        entry.slug = slug;
        entry.event = event;
        entry.details = details;
        entry.at = at;
        entry.persist();
    }
}
