package dev.tenantfleet.tenantctl.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One release as the tenant-service test double keeps it: tenants, status, cohort. Each step updates the state
 * (what {@code GET /api/releases/{id}} answers) and, unless silent, publishes the matching real release event.
 */
public final class FakeRelease {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final UUID id;
    private final String targetTag;
    private final String requestedBy;
    private final JsonNode spec;
    private final Consumer<ReleaseEvent> publisher;
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final Instant createdAt = Instant.now();
    private ReleaseStatus status = ReleaseStatus.RUNNING;
    private String reason;
    private int cohort;
    private int cohorts = 1;
    private Instant finishedAt;

    private static final class Tenant {
        final UUID tenantId = UUID.randomUUID();
        final String slug;
        int cohort;
        TenantReleaseState state = TenantReleaseState.PENDING;
        String headBefore;
        String headAfter;
        Long durationMillis;
        MigrationError error;

        Tenant(String slug, String head) {
            this.slug = slug;
            this.headBefore = head;
        }
    }

    FakeRelease(
            UUID id,
            String targetTag,
            String requestedBy,
            JsonNode spec,
            List<String> slugs,
            String head,
            Consumer<ReleaseEvent> publisher) {
        this.id = id;
        this.targetTag = targetTag;
        this.requestedBy = requestedBy;
        this.spec = spec;
        this.publisher = publisher;
        slugs.forEach(slug -> tenants.put(slug, new Tenant(slug, head)));
    }

    public UUID id() {
        return id;
    }

    public synchronized ReleaseStatus status() {
        return status;
    }

    /** Cohort assignment, e.g. {@code cohorts(2, "acme")}: acme in cohort 0, the rest in cohort 1. */
    public synchronized FakeRelease cohorts(int count, String... firstCohort) {
        cohorts = count;
        tenants.values().forEach(t -> t.cohort = List.of(firstCohort).contains(t.slug) ? 0 : 1);
        return this;
    }

    public FakeRelease migrating(String slug) {
        return tenant(slug, TenantReleaseState.MIGRATING, null, null, null, true);
    }

    public FakeRelease migrated(String slug, long millis) {
        return tenant(slug, TenantReleaseState.MIGRATED, targetTag, millis, null, true);
    }

    public FakeRelease failed(String slug, MigrationError error) {
        return tenant(slug, TenantReleaseState.FAILED, null, 40L, error, true);
    }

    public FakeRelease skipped(String slug) {
        return tenant(slug, TenantReleaseState.SKIPPED, null, null, null, true);
    }

    public FakeRelease rollingBack(String slug) {
        return tenant(slug, TenantReleaseState.ROLLING_BACK, targetTag, null, null, true);
    }

    public FakeRelease rolledBack(String slug, long millis) {
        synchronized (this) {
            tenant(slug, TenantReleaseState.ROLLED_BACK, tenants.get(slug).headBefore, millis, null, false);
        }
        return publishTenant(slug);
    }

    /** Changes a tenant in the view only: its event is "lost". */
    public FakeRelease silently(String slug, TenantReleaseState state, String headAfter) {
        return tenant(slug, state, headAfter, 10L, null, false);
    }

    public FakeRelease progress(ReleaseStatus newStatus, int newCohort) {
        ReleaseProgressed event;
        synchronized (this) {
            status = newStatus;
            cohort = newCohort;
            event = new ReleaseProgressed(id, targetTag, status, cohort, cohorts, counts());
        }
        publisher.accept(event);
        return this;
    }

    public FakeRelease complete(ReleaseStatus newStatus, String newReason) {
        ReleaseCompleted event;
        synchronized (this) {
            status = newStatus;
            reason = newReason;
            finishedAt = Instant.now();
            event = new ReleaseCompleted(
                    id,
                    targetTag,
                    status,
                    counts(),
                    Duration.between(createdAt, finishedAt).toMillis(),
                    tenants.values().stream()
                            .filter(t -> t.state == TenantReleaseState.FAILED
                                    || t.state == TenantReleaseState.ROLLBACK_FAILED)
                            .map(t -> t.slug)
                            .toList(),
                    reason);
        }
        publisher.accept(event);
        return this;
    }

    /** Ends the release in the view only: the release-completed event is "lost". */
    public synchronized FakeRelease completeSilently(ReleaseStatus newStatus) {
        status = newStatus;
        finishedAt = Instant.now();
        return this;
    }

    public synchronized ReleaseCounts counts() {
        int[] n = new int[TenantReleaseState.values().length];
        tenants.values().forEach(t -> n[t.state.ordinal()]++);
        return new ReleaseCounts(
                tenants.size(),
                n[TenantReleaseState.PENDING.ordinal()],
                n[TenantReleaseState.MIGRATING.ordinal()],
                n[TenantReleaseState.MIGRATED.ordinal()],
                n[TenantReleaseState.FAILED.ordinal()],
                n[TenantReleaseState.SKIPPED.ordinal()],
                n[TenantReleaseState.ROLLING_BACK.ordinal()],
                n[TenantReleaseState.ROLLED_BACK.ordinal()],
                n[TenantReleaseState.ROLLBACK_FAILED.ordinal()],
                n[TenantReleaseState.AHEAD.ordinal()]);
    }

    /** The release view of {@code GET /api/releases/{id}}, in the documented shape. */
    public synchronized ObjectNode view() {
        ObjectNode view = MAPPER.createObjectNode();
        view.put("id", id.toString());
        view.put("targetTag", targetTag);
        view.putNull("changelogDigest");
        view.put("status", status.name());
        view.put("reason", reason);
        view.put("requestedBy", requestedBy);
        view.set("spec", spec);
        view.put("createdAt", createdAt.toString());
        view.put("startedAt", createdAt.toString());
        view.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        view.put("cohort", cohort);
        view.put("cohorts", cohorts);
        view.set("counts", MAPPER.valueToTree(counts()));
        view.put("someFutureField", "ignored by tolerant readers");
        ArrayNode list = view.putArray("tenants");
        for (Tenant t : tenants.values()) {
            ObjectNode node = list.addObject();
            node.put("tenantId", t.tenantId.toString());
            node.put("slug", t.slug);
            node.put("cohort", t.cohort);
            node.put("state", t.state.name());
            node.put("headBefore", t.headBefore);
            node.put("headAfter", t.headAfter);
            if (t.durationMillis != null) {
                node.put("durationMillis", t.durationMillis);
            }
            node.putArray("appliedChangeSets");
            if (t.error != null) {
                node.set("error", MAPPER.valueToTree(t.error));
            }
        }
        return view;
    }

    private FakeRelease tenant(
            String slug,
            TenantReleaseState state,
            String headAfter,
            Long millis,
            MigrationError error,
            boolean publish) {
        synchronized (this) {
            Tenant tenant = tenants.get(slug);
            tenant.state = state;
            tenant.headAfter =
                    headAfter != null ? headAfter : state == TenantReleaseState.MIGRATING ? null : tenant.headBefore;
            tenant.durationMillis = millis;
            tenant.error = error;
        }
        return publish ? publishTenant(slug) : this;
    }

    private FakeRelease publishTenant(String slug) {
        ReleaseTenantUpdated event;
        synchronized (this) {
            Tenant t = tenants.get(slug);
            event = new ReleaseTenantUpdated(
                    id, t.tenantId, t.slug, t.cohort, t.state, t.headBefore, t.headAfter, t.error, t.durationMillis);
        }
        publisher.accept(event);
        return this;
    }
}
