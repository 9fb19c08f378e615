package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.Context;
import picocli.CommandLine.Command;

/** {@code tenantctl release rollback ID [--wait]}. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Roll back every tenant the release migrated, newest first, to its pre-release head "
                + "(POST /api/releases/{id}/rollback); with --wait, follow it to its end.")
public final class ReleaseRollbackCommand extends ReleaseActionCommand {
    public ReleaseRollbackCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected String action() {
        return "rollback";
    }
}
