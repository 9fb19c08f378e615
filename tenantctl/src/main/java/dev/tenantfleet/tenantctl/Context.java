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
 */
public record Context(Map<String, String> env, PrintWriter out, PrintWriter err, boolean interactive, Clock clock) {
    public Context {
        env = Map.copyOf(env);
    }

    /** The real process: {@code System.getenv()}, stdout/stderr, {@code System.console() != null}. */
    public static Context system() {
        Charset charset = Charset.defaultCharset();
        return new Context(System.getenv(), new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true), System.console() != null,
                Clock.systemUTC());
    }

    /** An environment variable, or null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
