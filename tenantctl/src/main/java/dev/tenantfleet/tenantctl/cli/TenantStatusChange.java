package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.TenantView;
import dev.tenantfleet.tenantctl.render.TenantPrinter;
import dev.tenantfleet.tenantctl.render.Text;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code tenant set-status} and {@code tenant status --to} share: POST /api/tenants/{slug}/status. */
abstract class TenantStatusChange extends BaseCommand {
    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the tenant as tenant-service answered " + "to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    protected TenantStatusChange(Context ctx) {
        super(ctx);
    }

    /** Moves {@code slug} to {@code to}, audited with {@code reason}, and prints where it now stands. */
    protected int change(String slug, TenantStatus to, String reason) {
        if (!TenantStatus.OPERATOR_SETTABLE.contains(to)) {
            throw usage("--to must be one of active, read_only, suspended (not " + to + ")");
        }
        if (reason == null || reason.isBlank()) {
            throw usage("--reason must not be blank");
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to.name());
        body.put("reason", reason);
        JsonNode answer = api.post("/api/tenants/" + ApiClient.encode(slug) + "/status", body);
        TenantView tenant = ApiClient.read(answer, TenantView.class);
        ctx.out()
                .println("tenant " + (tenant.slug() != null ? tenant.slug() : slug) + " is "
                        + (tenant.status() != null ? tenant.status() : to) + " (schema head "
                        + Text.head(tenant.schemaHead())
                        + ")");
        ctx.out().flush();
        writeJson(json, answer, ExitCodes.OK);
        return ExitCodes.OK;
    }

    /** Prints where {@code slug} stands, changing nothing. */
    protected int show(String slug) {
        ApiClient api = new ApiClient(settings(apiOptions, null));
        JsonNode answer = api.get("/api/tenants/" + ApiClient.encode(slug));
        TenantPrinter.brief(ctx.out(), ApiClient.read(answer, TenantView.class));
        writeJson(json, answer, ExitCodes.OK);
        return ExitCodes.OK;
    }
}
