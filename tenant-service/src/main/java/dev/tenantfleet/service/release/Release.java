package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A fleet release: every state the orchestrator needs lives here and in {@link ReleaseTenant}, so restarts lose nothing. */
@Entity
@Table(name = "release")
public class Release extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "target_tag")
    public String targetTag;

    @Column(name = "changelog_digest")
    public String changelogDigest;

    @Enumerated(EnumType.STRING)
    public ReleaseStatus status;

    public String reason;

    /** The spec as JSON; read through {@link #spec()}. */
    @Column(name = "spec")
    public String specJson;

    @Column(name = "requested_by")
    public String requestedBy;

    public int cohorts;

    @Column(name = "current_cohort")
    public int currentCohort;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    /** The release's parameters. */
    public ReleaseSpec spec() {
        return ReleaseJson.read(specJson, ReleaseSpec.class);
    }

    /** Moves to a terminal status with its reason. */
    void finish(ReleaseStatus terminal, String why) {
        status = terminal;
        reason = why;
        finishedAt = Instant.now();
    }
}
