package dev.tenantfleet.tenantctl;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;

/**
 * What a tenantctl run sees of the world: its environment, where it writes, whether stdout is a terminal (live
 * progress bar) or not (one line per event), and the clock. Tests build their own.
 *
 * @param env         environment variables (configuration)
 * @param out         standard output: progress, summaries, results
 * @param err         standard error: warnings and errors
 * @param interactive whether stdout is a terminal
 * @param clock       the clock
 * @param data        where {@code --json -} writes: standard output (then {@code out} is standard error, so the
 *                    answer can be piped whole into another program)
 */
public record Context(
        Map<String, String> env, PrintWriter out, PrintWriter err, boolean interactive, Clock clock, PrintWriter data) {
    public Context {
        env = Map.copyOf(env);
    }

    /** A context whose {@code --json -} data, if any, goes to {@code out} like everything else. */
    public Context(Map<String, String> env, PrintWriter out, PrintWriter err, boolean interactive, Clock clock) {
        this(env, out, err, interactive, clock, out);
    }

    /**
     * For {@code --json -}: the JSON answer alone on standard output; progress and summaries move to standard error
     * and are printed line by line (a pipe's reader wants no progress bar between its data).
     */
    public Context withDataOnOut() {
        return new Context(env, err, err, false, clock, out);
    }

    /** The real process: {@code System.getenv()}, stdout/stderr, {@code System.console() != null}. */
    public static Context system() {
        Charset charset = Charset.defaultCharset();
        return new Context(
                System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                System.console() != null,
                Clock.systemUTC());
    }

    /** An environment variable, or null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
