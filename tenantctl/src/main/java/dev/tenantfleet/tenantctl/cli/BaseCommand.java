package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every leaf command shares: the context, settings resolution, usage errors, {@code --json} files. */
abstract class BaseCommand implements Callable<Integer> {
    protected final Context ctx;

    @Spec
    protected CommandSpec spec;

    protected BaseCommand(Context ctx) {
        this.ctx = ctx;
    }

    protected Settings settings(ApiOptions api, BrokerOptions broker) {
        return Settings.resolve(
                ctx,
                api == null ? null : api.url,
                api == null ? null : api.actor,
                broker == null ? null : broker.host,
                broker == null ? null : broker.port,
                broker == null ? null : broker.vhost);
    }

    /** A usage error (exit 64) about this command. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Writes {@code json} plus {@code "exitCode"} to {@code file} (null = no --json). */
    protected void writeJson(Path file, JsonNode json, int exitCode) {
        JsonFiles.write(ctx, file, json, exitCode);
    }

    /** Terminal width from {@code COLUMNS}, 0 when unknown. */
    protected int columns() {
        try {
            String columns = ctx.env("COLUMNS");
            return columns == null ? 0 : Integer.parseInt(columns);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
