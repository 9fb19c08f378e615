package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.TenantView;
import dev.tenantfleet.tenantctl.render.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl tenant ...}. */
@Command(name = "tenant", mixinStandardHelpOptions = true,
        description = "Act on one tenant, or adopt existing databases as tenants.",
        subcommands = {TenantCommand.Status.class, TenantAdoptCommand.class, TenantImportCommand.class})
public final class TenantCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public TenantCommand(Context ctx) {
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: status, adopt or import");
    }

    /** {@code tenantctl tenant status SLUG --to read_only --reason "..."}: POST /api/tenants/{slug}/status. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Move a tenant to ACTIVE, READ_ONLY or SUSPENDED (audited).")
    public static final class Status extends BaseCommand {
        @Parameters(index = "0", paramLabel = "SLUG", description = "the tenant")
        String slug;

        @Option(names = "--to", required = true, paramLabel = "STATUS", converter = Converters.StatusConverter.class,
                description = "active, read_only or suspended")
        TenantStatus to;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, for the audit trail")
        String reason;

        @Mixin
        ApiOptions apiOptions;

        public Status(Context ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            if (!TenantStatus.OPERATOR_SETTABLE.contains(to)) {
                throw usage("--to must be one of active, read_only, suspended (not " + to + ")");
            }
            if (reason.isBlank()) {
                throw usage("--reason must not be blank");
            }
            ApiClient api = new ApiClient(settings(apiOptions, null));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", to.name());
            body.put("reason", reason);
            JsonNode answer = api.post("/api/tenants/" + ApiClient.encode(slug) + "/status", body);
            TenantView tenant = ApiClient.read(answer, TenantView.class);
            ctx.out().println("tenant " + (tenant.slug() != null ? tenant.slug() : slug) + " is "
                    + (tenant.status() != null ? tenant.status() : to) + " (schema head " + Text.head(tenant.schemaHead())
                    + ")");
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }
}
