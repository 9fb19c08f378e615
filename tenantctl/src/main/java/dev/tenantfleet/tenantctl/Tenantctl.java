package dev.tenantfleet.tenantctl;

import dev.tenantfleet.tenantctl.api.ApiProblemException;
import dev.tenantfleet.tenantctl.api.ApiUnreachableException;
import dev.tenantfleet.tenantctl.cli.RootCommand;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Runs one tenantctl command line against a {@link Context} and returns the exit code (see {@link ExitCodes}).
 * The process entry point is {@link Main}; tests and other JVM code call {@link #execute} directly.
 */
public final class Tenantctl {
    private Tenantctl() {}

    /** Runs {@code args}; never throws, never exits. */
    public static int execute(Context ctx, String... args) {
        if (jsonToStandardOutput(args)) {
            ctx = ctx.withDataOnOut();
        }
        CommandLine commandLine = commandLine(ctx);
        int exitCode = commandLine.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        ctx.data().flush();
        return exitCode;
    }

    /** {@code --json -} (or {@code --json=-}): the answer goes to standard output, as every CLI does with "-". */
    static boolean jsonToStandardOutput(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json=-")
                    || args[i].equals("--json") && i + 1 < args.length && args[i + 1].equals("-")) {
                return true;
            }
        }
        return false;
    }

    /** The configured picocli command line (exposed for option-parsing tests). */
    public static CommandLine commandLine(Context ctx) {
        CommandLine commandLine = new CommandLine(new RootCommand(ctx), new Factory(ctx));
        commandLine.setOut(ctx.out());
        commandLine.setErr(ctx.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        exitCodes(commandLine);
        commandLine.setParameterExceptionHandler(usageErrors(ctx));
        commandLine.setExecutionExceptionHandler(errors(ctx));
        return commandLine;
    }

    /** picocli's invalid-input exit code is 2 by default, which is FAILED here: 64 (EX_USAGE) on every command. */
    private static void exitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCodes.UNEXPECTED);
        commandLine.getSubcommands().values().forEach(Tenantctl::exitCodes);
    }

    private static IParameterExceptionHandler usageErrors(Context ctx) {
        return (ParameterException e, String[] args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter err = ctx.err();
            err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        };
    }

    private static IExecutionExceptionHandler errors(Context ctx) {
        return (Exception e, CommandLine command, CommandLine.ParseResult parseResult) -> {
            PrintWriter err = ctx.err();
            int exitCode;
            if (e instanceof CliException cli) {
                err.println("error: " + cli.getMessage());
                exitCode = cli.exitCode();
            } else if (e instanceof ApiProblemException problem) {
                // RFC 9457: "error: <detail> (<code>) hint: <hint>"
                err.println("error: " + problem.getMessage());
                exitCode = ExitCodes.NOT_STARTED;
            } else if (e instanceof ApiUnreachableException unreachable) {
                err.println("error: " + unreachable.getMessage());
                exitCode = ExitCodes.NOT_STARTED;
            } else {
                err.println("error: unexpected " + e);
                e.printStackTrace(err);
                exitCode = ExitCodes.UNEXPECTED;
            }
            err.flush();
            return exitCode;
        };
    }

    /** Creates commands with the run's {@link Context} (constructor {@code (Context)}), the rest by default. */
    private record Factory(Context ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
                constructor.setAccessible(true);
                return constructor.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
