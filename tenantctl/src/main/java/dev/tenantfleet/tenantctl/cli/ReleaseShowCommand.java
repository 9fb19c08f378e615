package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.render.ReleasePrinter;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantctl release show ID}: {@code release status} with a table of every tenant of the release. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show a release with a row per tenant (cohort, state, heads before and after, duration, "
                    + "attempts, error code), then its summary, as release status prints it.",
            "Exit code: the release's, as release status (0 COMPLETED, 2 FAILED, 3 HALTED, 4 ROLLED_BACK, 5 REFUSED), "
                    + "6 while it is still running."
        })
public final class ReleaseShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the release id (tenantctl release list shows them)")
    UUID id;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "write the release view plus \"exitCode\" to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public ReleaseShowCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ApiClient api = new ApiClient(settings(apiOptions, null));
        JsonNode answer = api.release(id);
        ReleaseView view = ApiClient.read(answer, ReleaseView.class);
        ReleasePrinter.tenants(ctx.out(), view);
        int exitCode = ReleaseStatusCommand.report(ctx, id, view);
        writeJson(json, answer, exitCode);
        return exitCode;
    }
}
