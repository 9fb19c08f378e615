package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenantctl}: the command group. */
@Command(
        name = "tenantctl",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Tenant Fleet's command-line client: start and follow fleet releases, gate deploys on them, "
                + "look at the fleet, its tenants and past releases, and adopt existing tenant databases.",
        subcommands = {ReleaseCommand.class, FleetCommand.class, TenantCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  TENANTFLEET_URL     tenant-service base URL (default http://127.0.0.1:8080)",
            "  SYSTEM_API_TOKEN    REST API bearer token (REST commands and --wait)",
            "  TENANTFLEET_ACTOR   audit actor (default tenantctl@<hostname>)",
            "  RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD,",
            "  RABBITMQ_VIRTUAL_HOST  the broker (default 127.0.0.1, 5672, guest, guest, /)",
            "",
            "Exit codes:",
            "  0   release COMPLETED (every targeted tenant at the target) / success",
            "  1   unexpected error",
            "  2   release FAILED (--on-failure continue, with failed tenants);",
            "      tenant adopt / import: rows rejected",
            "  3   release HALTED after a failed cohort (resumable)",
            "  4   release ROLLED_BACK",
            "  5   could not start: REFUSED by preflight, broker or API unreachable",
            "      or refusing the request, command unroutable (tenant-service not",
            "      running), --wait-timeout expired",
            "  6   release status / show: the release is still running",
            "  64  usage error (bad option, SYSTEM_API_TOKEN missing, ...)"
        })
public final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    public RootCommand(Context ctx) {}

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: release, fleet or tenant");
    }

    /** Version from the filtered {@code tenantctl-version.properties}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenantctl " + version()};
        }

        /** tenantctl's version, e.g. 0.1.0-SNAPSHOT. */
        public static String version() {
            try (InputStream in = RootCommand.class.getResourceAsStream("/tenantctl-version.properties")) {
                Properties properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                return properties.getProperty("version", "dev");
            } catch (IOException e) {
                return "dev";
            }
        }
    }
}
