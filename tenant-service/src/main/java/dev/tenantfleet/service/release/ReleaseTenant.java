package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One tenant within one release: its cohort, state, heads, and exactly what the release applied to it. */
@Entity
@Table(name = "release_tenant")
@IdClass(ReleaseTenantId.class)
public class ReleaseTenant extends PanacheEntityBase {
    @Id
    @Column(name = "release_id")
    public UUID releaseId;

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    public String slug;

    @Column(name = "server_id")
    public UUID serverId;

    public int cohort;

    /** Order within the release (cohort by cohort), used to pick the next tenant. */
    public int position;

    @Enumerated(EnumType.STRING)
    public TenantReleaseState state;

    @Column(name = "head_before")
    public String headBefore;

    @Column(name = "head_after")
    public String headAfter;

    /** The status the read-only gate put aside and must restore; null when the tenant is not gated. */
    @Enumerated(EnumType.STRING)
    @Column(name = "gated_from")
    public TenantStatus gatedFrom;

    @Column(name = "command_id")
    public UUID commandId;

    public int attempts;

    @Column(name = "applied_changesets")
    public String appliedJson;

    @Column(name = "migrated_seq")
    public Long migratedSeq;

    @Column(name = "error")
    public String errorJson;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "duration_ms")
    public Long durationMillis;

    /** What the release applied to this tenant, in order. */
    public List<String> applied() {
        return appliedJson == null ? List.of() : List.of(ReleaseJson.read(appliedJson, String[].class));
    }

    /** The failure, if any. */
    public MigrationError error() {
        return errorJson == null ? null : ReleaseJson.read(errorJson, MigrationError.class);
    }

    /** All tenants of a release in position order. */
    public static List<ReleaseTenant> of(UUID releaseId) {
        return list("releaseId = ?1 order by position", releaseId);
    }
}
