package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.AuditEntryView;
import dev.tenantfleet.tenantctl.api.TenantView;
import dev.tenantfleet.tenantctl.render.TenantPrinter;
import dev.tenantfleet.tenantctl.render.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantctl tenant show SLUG}: GET /api/tenants/{slug} and its audit trail, newest first. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a tenant: status, schema head, server, database, why provisioning failed if it did, "
                + "and its audit trail, newest first.")
public final class TenantShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SLUG", description = "the tenant")
    String slug;

    @Option(
            names = "--audit",
            paramLabel = "N",
            defaultValue = "20",
            description = "how many audit entries to show, newest first (default ${DEFAULT-VALUE}; 0: none)")
    int audit;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the tenant, with its whole audit trail "
                    + "(oldest first) under \"audit\" unless --audit 0, to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public TenantShowCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (audit < 0) {
            throw usage("--audit must be 0 or more, not " + audit);
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        String path = "/api/tenants/" + ApiClient.encode(slug);
        JsonNode tenant = api.get(path);
        JsonNode trail = audit == 0 ? null : api.get(path + "/audit");
        if (trail != null && !trail.isArray()) {
            throw new CliException(
                    ExitCodes.UNEXPECTED,
                    "GET " + path + "/audit answered something that is not a " + "list: "
                            + Text.oneLine(trail.toString(), 200));
        }
        List<AuditEntryView> entries = null;
        if (trail != null) {
            entries = new ArrayList<>();
            for (JsonNode entry : trail) {
                entries.add(ApiClient.read(entry, AuditEntryView.class));
            }
        }
        TenantPrinter.full(ctx.out(), ApiClient.read(tenant, TenantView.class), entries, audit);
        if (json != null) {
            ObjectNode answer =
                    tenant.isObject() ? ((ObjectNode) tenant).deepCopy() : ApiClient.MAPPER.createObjectNode();
            if (trail != null) {
                answer.set("audit", trail);
            }
            writeJson(json, answer, ExitCodes.OK);
        }
        return ExitCodes.OK;
    }
}
