package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl release ...}. */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        description = "Start, follow, list and steer fleet releases.",
        subcommands = {
            ReleaseMigrateCommand.class,
            ReleaseListCommand.class,
            ReleaseShowCommand.class,
            ReleaseStatusCommand.class,
            ReleaseResumeCommand.class,
            ReleaseRollbackCommand.class,
            ReleasePlanCommand.class
        })
public final class ReleaseCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public ReleaseCommand(Context ctx) {}

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing command: migrate, list, show, status, resume, rollback or plan");
    }
}
