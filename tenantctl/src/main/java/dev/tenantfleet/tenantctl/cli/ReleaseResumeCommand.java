package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.Context;
import picocli.CommandLine.Command;

/** {@code tenantctl release resume ID [--wait]}. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Resume a HALTED release (POST /api/releases/{id}/resume); with --wait, follow it to its end.")
public final class ReleaseResumeCommand extends ReleaseActionCommand {
    public ReleaseResumeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected String action() {
        return "resume";
    }
}
