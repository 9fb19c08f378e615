package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.PlanView;
import dev.tenantfleet.tenantctl.render.PlanPrinter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tenantctl release plan --target TAG [--only a,b]}: GET /api/releases/plan. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "What a release to TAG would apply to each tenant, with migration-safety warnings (dropped "
                + "columns, enum/type changes, non-concurrent indexes, data backfills, non-transactional, no "
                + "rollback); tenants with the same head and pending changesets print as one group. Exit 0.")
public final class ReleasePlanCommand extends BaseCommand {
    @Option(names = "--target", required = true, paramLabel = "TAG", description = "the changelog tag")
    String target;

    @Option(names = "--only", split = ",", paramLabel = "SLUG", description = "only these tenants")
    List<String> only;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the plan to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public ReleasePlanCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (target.isBlank()) {
            throw usage("--target must not be blank");
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        String path = "/api/releases/plan?target=" + ApiClient.encode(target.trim());
        if (only != null && !only.isEmpty()) {
            path += "&only="
                    + ApiClient.encode(only.stream()
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .collect(Collectors.joining(",")));
        }
        JsonNode answer = api.get(path);
        PlanPrinter.print(ctx.out(), ApiClient.read(answer, PlanView.class));
        writeJson(json, answer, ExitCodes.OK);
        return ExitCodes.OK;
    }
}
