package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.render.ReleasePrinter;
import dev.tenantfleet.tenantctl.render.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tenantctl release list}: GET /api/releases?limit=N, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the most recent releases, newest first: target, status, when, how long, what happened "
                + "to their tenants, who asked.")
public final class ReleaseListCommand extends BaseCommand {
    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "how many releases, 1-" + ReleasePrinter.MAX_LIMIT + " (default ${DEFAULT-VALUE})")
    int limit;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the releases as tenant-service "
                    + "answered them, under \"releases\", to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public ReleaseListCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > ReleasePrinter.MAX_LIMIT) {
            throw usage("--limit must be from 1 to " + ReleasePrinter.MAX_LIMIT + ", not " + limit);
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        JsonNode answer = api.get("/api/releases?limit=" + limit);
        if (!answer.isArray()) {
            throw new CliException(
                    ExitCodes.UNEXPECTED,
                    "GET /api/releases answered something that is not a list: " + Text.oneLine(answer.toString(), 200));
        }
        List<ReleaseView> releases = new ArrayList<>();
        for (JsonNode release : answer) {
            releases.add(ApiClient.read(release, ReleaseView.class));
        }
        ReleasePrinter.list(ctx.out(), releases, limit);
        if (json != null) {
            // --json writes an object (with "exitCode"); the API answers an array
            ObjectNode wrapped = ApiClient.MAPPER.createObjectNode();
            wrapped.set("releases", answer);
            writeJson(json, wrapped, ExitCodes.OK);
        }
        return ExitCodes.OK;
    }
}
