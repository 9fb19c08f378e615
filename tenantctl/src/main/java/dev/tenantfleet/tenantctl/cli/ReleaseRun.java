package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ApiProblemException;
import dev.tenantfleet.tenantctl.api.ApiUnreachableException;
import dev.tenantfleet.tenantctl.broker.ReleaseSignal;
import dev.tenantfleet.tenantctl.follow.ReleaseFollower;
import dev.tenantfleet.tenantctl.render.ProgressView;
import dev.tenantfleet.tenantctl.render.Summary;
import dev.tenantfleet.tenantctl.render.Text;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/** Following one release to its end (migrate/resume/rollback with --wait): progress, summary, --json, exit code. */
final class ReleaseRun {
    private final Context ctx;
    private final WaitOptions wait;
    private final UUID releaseId;
    private final int columns;

    ReleaseRun(Context ctx, WaitOptions wait, UUID releaseId, int columns) {
        this.ctx = ctx;
        this.wait = wait;
        this.releaseId = releaseId;
        this.columns = columns;
    }

    /** Runs {@code body}; if it fails in an expected way, {@code --json} still gets the exit code and the error. */
    int guard(Supplier<Integer> body) {
        try {
            return body.get();
        } catch (CliException e) {
            writeError(e.exitCode(), e.getMessage());
            throw e;
        } catch (ApiProblemException | ApiUnreachableException e) {
            writeError(ExitCodes.NOT_STARTED, e.getMessage());
            throw e;
        }
    }

    /**
     * Before anything starts: the API must answer with our token (it gives the final summary), so a wrong URL or
     * token fails now (exit 5) rather than after the release ran. 404 (not created yet) is what we expect.
     */
    void checkApiBeforeStart(ApiClient api) {
        try {
            api.release(releaseId);
        } catch (ApiProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Follows the release on {@code signals} and prints the summary; the exit code. */
    int follow(
            ApiClient api, BlockingQueue<ReleaseSignal> signals, Instant ignoreStaleBefore, ReleaseStatus staleStatus) {
        ProgressView progress = ProgressView.forOutput(ctx.out(), ctx.interactive(), columns);
        ReleaseFollower.Outcome outcome;
        try {
            outcome = new ReleaseFollower(ctx, api, progress, wait.eventSilence, wait.waitTimeout)
                    .follow(releaseId, signals, ignoreStaleBefore, staleStatus);
        } finally {
            progress.close();
        }
        if (outcome.timedOut()) {
            String status = outcome.status() == null ? "not finished" : "still " + outcome.status();
            throw new CliException(
                    ExitCodes.NOT_STARTED,
                    "gave up waiting after " + Text.duration(wait.waitTimeout)
                            + " (--wait-timeout): release " + releaseId + " is " + status
                            + " and goes on without tenantctl; "
                            + "follow it with `tenantctl release status " + releaseId + "`");
        }
        int exitCode = ExitCodes.of(outcome.status());
        Summary.print(ctx.out(), releaseId, outcome.view(), outcome.completed(), exitCode);
        if (outcome.status() == ReleaseStatus.REFUSED) {
            String reason = outcome.view() != null && outcome.view().reason() != null
                    ? outcome.view().reason()
                    : outcome.completed() != null ? outcome.completed().reason() : null;
            ctx.err()
                    .println("error: release " + releaseId + " was refused by tenant-service's preflight: "
                            + (reason == null ? "(no reason given)" : reason));
            ctx.err().flush();
        }
        if (wait.json != null) {
            JsonNode json = outcome.viewJson() != null ? outcome.viewJson() : fromEvent(outcome.completed());
            writeJson(wait.json, json, exitCode);
        }
        return exitCode;
    }

    private JsonNode fromEvent(ReleaseCompleted completed) {
        ObjectNode node = ApiClient.MAPPER.createObjectNode();
        node.put("id", releaseId.toString());
        if (completed != null) {
            node.put("targetTag", completed.targetTag());
            node.put("status", completed.status().name());
            node.put("reason", completed.reason());
            node.set("counts", ApiClient.MAPPER.valueToTree(completed.counts()));
            node.set("failedTenants", ApiClient.MAPPER.valueToTree(completed.failedTenants()));
            node.put("durationMillis", completed.durationMillis());
            node.put("summarySource", "release-completed event (the API could not be read)");
        }
        return node;
    }

    private void writeError(int exitCode, String message) {
        if (!wait.wait || wait.json == null) {
            return;
        }
        ObjectNode node = ApiClient.MAPPER.createObjectNode();
        node.put("id", releaseId.toString());
        node.put("error", message);
        writeJson(wait.json, node, exitCode);
    }

    private void writeJson(Path file, JsonNode json, int exitCode) {
        JsonFiles.write(ctx, file, json, exitCode);
    }
}
