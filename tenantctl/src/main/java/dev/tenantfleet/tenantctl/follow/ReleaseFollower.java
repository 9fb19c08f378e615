package dev.tenantfleet.tenantctl.follow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ApiProblemException;
import dev.tenantfleet.tenantctl.api.ApiUnreachableException;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.broker.ReleaseSignal;
import dev.tenantfleet.tenantctl.render.ProgressView;
import dev.tenantfleet.tenantctl.render.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one release until it is terminal: renders every event from the release's queue and, when the stream
 * has been silent for {@code silence} (default 30 s: events are lost while a connection is down), asks
 * {@code GET /api/releases/{id}} instead, never more often than that. On a terminal release-completed event it
 * reads the final view for the summary.
 */
public final class ReleaseFollower {
    /** How long the event stream may be silent before tenantctl asks the REST API. */
    public static final Duration DEFAULT_SILENCE = Duration.ofSeconds(30);

    private static final int FINAL_VIEW_ATTEMPTS = 3;
    private static final Duration FINAL_VIEW_RETRY = Duration.ofSeconds(2);

    private final Context ctx;
    private final ApiClient api;
    private final ProgressView progress;
    private final Duration silence;
    private final Duration waitTimeout;

    /**
     * @param waitTimeout give up after this long (zero or null = wait for ever)
     */
    public ReleaseFollower(Context ctx, ApiClient api, ProgressView progress, Duration silence, Duration waitTimeout) {
        this.ctx = ctx;
        this.api = api;
        this.progress = progress;
        this.silence = silence;
        this.waitTimeout = waitTimeout == null || waitTimeout.isZero() ? null : waitTimeout;
    }

    /**
     * What following ended with.
     *
     * @param status    the terminal status, or the last known one when the wait timed out (may be null)
     * @param view      the release view (null when the API could not be read)
     * @param viewJson  the same, as tenant-service sent it (for {@code --json})
     * @param completed the release-completed event, when it arrived
     * @param timedOut  whether {@code --wait-timeout} expired first
     */
    public record Outcome(
            ReleaseStatus status, ReleaseView view, JsonNode viewJson, ReleaseCompleted completed, boolean timedOut) {}

    /**
     * Follows until terminal or the wait times out.
     *
     * @param ignoreStaleBefore for resume/rollback: a release-completed event stamped before this moment with the
     *                          status the release had before the request is a leftover of the previous run and is
     *                          ignored (null = accept every event)
     * @param staleStatus       that previous status
     */
    public Outcome follow(
            UUID releaseId,
            BlockingQueue<ReleaseSignal> signals,
            Instant ignoreStaleBefore,
            ReleaseStatus staleStatus) {
        long start = System.nanoTime();
        long deadline = waitTimeout == null ? Long.MAX_VALUE : start + waitTimeout.toNanos();
        long lastActivity = start;
        Set<String> seen = new HashSet<>();
        ReleaseStatus lastStatus = null;
        boolean notFoundNoted = false;
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return new Outcome(lastStatus, null, null, null, true);
                }
                long wait = Math.min(deadline - now, lastActivity + silence.toNanos() - now);
                ReleaseSignal signal = wait > 0 ? signals.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (signal instanceof ReleaseSignal.Event event) {
                    lastActivity = System.nanoTime();
                    CloudEvent<ReleaseEvent> envelope = event.event();
                    if (!releaseId.equals(envelope.data().releaseId()) || !seen.add(envelope.id())) {
                        continue; // another release's (cannot happen with our binding) or a redelivered duplicate
                    }
                    ReleaseEvent data = envelope.data();
                    if (data instanceof ReleaseTenantUpdated updated) {
                        progress.tenant(envelope.time(), updated);
                    } else if (data instanceof ReleaseProgressed progressed) {
                        lastStatus = progressed.status();
                        progress.progress(envelope.time(), progressed);
                    } else if (data instanceof ReleaseCompleted completed) {
                        if (ignoreStaleBefore != null
                                && completed.status() == staleStatus
                                && envelope.time().isBefore(ignoreStaleBefore)) {
                            continue; // the previous run's completion, published before our request
                        }
                        lastStatus = completed.status();
                        progress.completed(envelope.time(), completed);
                        if (completed.status().terminal()) {
                            return finish(releaseId, completed);
                        }
                    }
                } else if (signal instanceof ReleaseSignal.Unreadable unreadable) {
                    progress.notice(
                            ctx.clock().instant(), "skipped an unreadable release event: " + unreadable.reason());
                } else if (signal instanceof ReleaseSignal.Interrupted interrupted) {
                    progress.notice(ctx.clock().instant(), interrupted.reason());
                } else if (System.nanoTime() - lastActivity >= silence.toNanos()) {
                    // silence: events may have been lost (connection dropped), so ask the API - at most once per period
                    lastActivity = System.nanoTime();
                    Instant at = ctx.clock().instant();
                    try {
                        JsonNode json = api.release(releaseId);
                        ReleaseView view = ApiClient.read(json, ReleaseView.class);
                        if (view.status() != null) {
                            lastStatus = view.status();
                        }
                        progress.snapshot(at, view);
                        if (view.status() != null
                                && view.status().terminal()
                                && !(ignoreStaleBefore != null
                                        && view.status() == staleStatus
                                        && view.finishedAt() != null
                                        && view.finishedAt().isBefore(ignoreStaleBefore))) {
                            return new Outcome(view.status(), view, json, null, false);
                        }
                    } catch (ApiUnreachableException e) {
                        progress.notice(
                                at, "no release event for " + Text.duration(silence) + " and " + e.getMessage());
                    } catch (ApiProblemException e) {
                        if (e.status() == 404 && !notFoundNoted) {
                            notFoundNoted = true;
                            progress.notice(
                                    at,
                                    "no release event for " + Text.duration(silence)
                                            + " and tenant-service does not know the release yet: is its migrate-release "
                                            + "consumer running? (still waiting)");
                        } else if (e.status() != 404) {
                            progress.notice(
                                    at,
                                    "no release event for " + Text.duration(silence) + "; GET " + "/api/releases/"
                                            + releaseId + " failed: " + e.getMessage());
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(lastStatus, null, null, null, true);
        }
    }

    private Outcome finish(UUID releaseId, ReleaseCompleted completed) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= FINAL_VIEW_ATTEMPTS; attempt++) {
            try {
                JsonNode json = api.release(releaseId);
                return new Outcome(completed.status(), ApiClient.read(json, ReleaseView.class), json, completed, false);
            } catch (ApiUnreachableException | ApiProblemException e) {
                last = e;
                if (e instanceof ApiProblemException problem && problem.status() < 500) {
                    break;
                }
                if (attempt < FINAL_VIEW_ATTEMPTS) {
                    Thread.sleep(FINAL_VIEW_RETRY.toMillis());
                }
            }
        }
        progress.notice(ctx.clock().instant(), "cannot read the final release view: " + last.getMessage());
        return new Outcome(completed.status(), null, null, completed, false);
    }
}
