package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.FleetStatusView;
import dev.tenantfleet.tenantctl.render.FleetPrinter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl fleet ...}. */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = "Look at the whole fleet.",
        subcommands = FleetCommand.Status.class)
public final class FleetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public FleetCommand(Context ctx) {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: status");
    }

    /** {@code tenantctl fleet status}: GET /api/fleet/status. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "How many tenants are at each head, who is behind the changelog head, who drifted.")
    public static final class Status extends BaseCommand {
        @Mixin
        ApiOptions apiOptions;

        @Option(
                names = "--json",
                paramLabel = "FILE",
                description = "also write the answer to FILE (- for standard output)")
        Path json;

        public Status(Context ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ApiClient api = new ApiClient(settings(apiOptions, null));
            JsonNode answer = api.get("/api/fleet/status");
            FleetPrinter.print(ctx.out(), ApiClient.read(answer, FleetStatusView.class));
            writeJson(json, answer, ExitCodes.OK);
            return ExitCodes.OK;
        }
    }
}
