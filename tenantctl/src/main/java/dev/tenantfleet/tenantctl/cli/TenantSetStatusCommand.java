package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenantctl tenant set-status SLUG --to read_only --reason "..."}: POST /api/tenants/{slug}/status. */
@Command(
        name = "set-status",
        mixinStandardHelpOptions = true,
        description = "Move a tenant to ACTIVE, READ_ONLY or SUSPENDED (audited, with the reason). Asking for the "
                + "status it already has changes nothing.")
public final class TenantSetStatusCommand extends TenantStatusChange {
    @Parameters(index = "0", paramLabel = "SLUG", description = "the tenant")
    String slug;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "STATUS",
            converter = Converters.StatusConverter.class,
            description = "active, read_only or suspended")
    TenantStatus to;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, for the audit trail")
    String reason;

    public TenantSetStatusCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        return change(slug, to, reason);
    }
}
