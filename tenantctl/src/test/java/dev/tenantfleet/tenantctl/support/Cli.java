package dev.tenantfleet.tenantctl.support;

import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.Tenantctl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** Runs tenantctl in-process with a given environment and captures stdout, stderr and the exit code. */
public final class Cli {
    private Cli() {}

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    public static Result run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    public static Result run(Map<String, String> env, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(
                env, new PrintWriter(out, true), new PrintWriter(err, true), interactive, Clock.systemUTC());
        int exitCode = Tenantctl.execute(ctx, args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** A context that writes nowhere, for parsing tests. */
    public static Context quietContext(Map<String, String> env) {
        return new Context(
                env,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                false,
                Clock.systemUTC());
    }
}
