package dev.tenantfleet.tenantctl.cli;

import picocli.CommandLine.Option;

/** Overrides of the REST settings (otherwise from the environment). */
public final class ApiOptions {
    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "tenant-service base URL (env TENANTFLEET_URL, "
                    + "default http://127.0.0.1:8080). The token comes only from env SYSTEM_API_TOKEN.")
    String url;

    @Option(
            names = "--actor",
            paramLabel = "NAME",
            description = "who you are, for the audit trail (env " + "TENANTFLEET_ACTOR, default tenantctl@<hostname>)")
    String actor;
}
