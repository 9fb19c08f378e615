package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenantctl tenant status SLUG}: where the tenant stands. With {@code --to} it changes the status, as
 * {@code set-status} does: scripts written before {@code set-status} existed keep working.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show a tenant's status, schema head, server and database in one line (tenant show: "
                    + "everything, with the audit trail).",
            "With --to and --reason, change the status instead, as tenant set-status does."
        })
public final class TenantStatusCommand extends TenantStatusChange {
    @Parameters(index = "0", paramLabel = "SLUG", description = "the tenant")
    String slug;

    @Option(
            names = "--to",
            paramLabel = "STATUS",
            converter = Converters.StatusConverter.class,
            description = "change the status to active, read_only or suspended (needs --reason)")
    TenantStatus to;

    @Option(names = "--reason", paramLabel = "TEXT", description = "with --to: why, for the audit trail")
    String reason;

    public TenantStatusCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (to == null) {
            if (reason != null) {
                throw usage("--reason goes with --to: tenant status " + slug + " without --to only shows the status");
            }
            return show(slug);
        }
        if (reason == null) {
            throw usage("--to needs --reason: tenant status " + slug + " --to "
                    + to.name().toLowerCase(Locale.ROOT) + " --reason \"why\"");
        }
        return change(slug, to, reason);
    }
}
