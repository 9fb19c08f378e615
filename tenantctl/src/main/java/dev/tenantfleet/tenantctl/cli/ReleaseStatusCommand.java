package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.render.Summary;
import dev.tenantfleet.tenantctl.render.Text;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantctl release status ID}: GET /api/releases/{id}; exit code = the release's, 6 while it runs. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show a release. Exit code: the release's (0 COMPLETED, 2 FAILED, 3 HALTED, 4 ROLLED_BACK, "
                    + "5 REFUSED), 6 while it is still running."
        })
public final class ReleaseStatusCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the release id")
    UUID id;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "write the release view plus \"exitCode\" to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public ReleaseStatusCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ApiClient api = new ApiClient(settings(apiOptions, null));
        JsonNode answer = api.release(id);
        int exitCode = report(ctx, id, ApiClient.read(answer, ReleaseView.class));
        writeJson(json, answer, exitCode);
        return exitCode;
    }

    /** Prints where the release stands and its summary; returns its exit code (6 while it runs). */
    static int report(Context ctx, UUID id, ReleaseView view) {
        int exitCode = ExitCodes.of(view.status());
        if (view.status() != null && !view.status().terminal()) {
            ctx.out()
                    .println("release " + id + " is still running: " + view.status()
                            + (view.cohorts() != null && view.cohorts() > 1 && view.cohort() != null
                                    ? ", cohort " + (view.cohort() + 1) + "/" + view.cohorts()
                                    : "")
                            + (view.counts() == null
                                    ? ""
                                    : ", " + view.counts().migrated() + "/"
                                            + view.counts().total() + " migrated: " + Text.counts(view.counts())));
        }
        Summary.print(ctx.out(), id, view, null, exitCode);
        return exitCode;
    }
}
