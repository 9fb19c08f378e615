package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl tenant ...}. */
@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Look at tenants, change a tenant's status, or adopt existing databases as tenants.",
        subcommands = {
            TenantListCommand.class,
            TenantShowCommand.class,
            TenantStatusCommand.class,
            TenantSetStatusCommand.class,
            TenantAdoptCommand.class,
            TenantImportCommand.class
        })
public final class TenantCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public TenantCommand(Context ctx) {}

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing command: list, show, status, set-status, adopt or import");
    }
}
