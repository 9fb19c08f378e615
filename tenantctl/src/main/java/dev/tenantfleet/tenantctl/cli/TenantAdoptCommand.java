package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.AdoptionView;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ApiProblemException;
import dev.tenantfleet.tenantctl.render.AdoptionPrinter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tenantctl tenant adopt ...}: POST /api/tenants/adopt. Registers a database that already exists; the password
 * comes only from the environment variable {@code --password-env} names, never from the command line.
 */
@Command(
        name = "adopt",
        mixinStandardHelpOptions = true,
        description = "Register an existing database as a tenant, creating nothing. Exit 0 when adopted or already "
                + "registered, 2 when rejected (every problem printed), 5 when tenant-service cannot be reached or "
                + "refuses the request.")
public final class TenantAdoptCommand extends BaseCommand {
    @Option(names = "--slug", required = true, paramLabel = "SLUG", description = "the tenant's slug")
    String slug;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "display name")
    String name;

    @Option(names = "--server", required = true, paramLabel = "SERVER", description = "the registered database server")
    String server;

    @Option(
            names = "--database",
            required = true,
            paramLabel = "DB",
            description = "the database's name on that server")
    String database;

    @Option(
            names = "--username",
            required = true,
            paramLabel = "ROLE",
            description = "the role Tenant Fleet migrates the database as (usually its owner)")
    String username;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "name of the environment variable holding that role's password (none: no password)")
    String passwordEnv;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            converter = Converters.StatusConverter.class,
            description = "active (default), read_only or suspended")
    TenantStatus status;

    @Option(
            names = "--baseline-tag",
            paramLabel = "TAG",
            description =
                    "for a database another tool migrated without "
                            + "a Liquibase history: the changelog tag its schema is at, recorded as applied without running anything")
    String baselineTag;

    @Option(
            names = "--dry-run",
            description = "check everything, change nothing: no baseline recorded, no tenant " + "registered")
    boolean dryRun;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the answer to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public TenantAdoptCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (status != null && !TenantStatus.OPERATOR_SETTABLE.contains(status)) {
            throw usage("--status must be one of active, read_only, suspended (not " + status + ")");
        }
        String password = null;
        if (passwordEnv != null) {
            password = ctx.env(passwordEnv.trim());
            if (password == null) {
                throw usage("--password-env " + passwordEnv + ": that environment variable is not set");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("server", server);
        body.put("database", database);
        body.put("username", username);
        body.put("password", password);
        body.put("status", status == null ? null : status.name());
        body.put("baselineTag", baselineTag);
        ApiClient api = new ApiClient(settings(apiOptions, null));
        try {
            JsonNode answer = api.post("/api/tenants/adopt" + (dryRun ? "?dryRun=true" : ""), body);
            AdoptionPrinter.printRow(ctx.out(), ApiClient.read(answer, AdoptionView.Row.class));
            writeJson(json, answer, ExitCodes.OK);
            return ExitCodes.OK;
        } catch (ApiProblemException e) {
            if (e.status() != 422 || !"ADOPTION_REJECTED".equals(e.code())) {
                throw e;
            }
            JsonNode answer = readTree(e.body());
            AdoptionPrinter.printRejection(ctx.out(), slug, ApiClient.read(answer, AdoptionView.Rejection.class));
            writeJson(json, answer, ExitCodes.REJECTED);
            return ExitCodes.REJECTED;
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return ApiClient.MAPPER.readTree(body == null ? "{}" : body);
        } catch (JsonProcessingException e) {
            return ApiClient.MAPPER.createObjectNode();
        }
    }
}
