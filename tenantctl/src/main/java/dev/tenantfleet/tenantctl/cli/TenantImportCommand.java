package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.AdoptionView;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.render.AdoptionPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenantctl tenant import FILE}: POST /api/tenants/import with FILE as it is (CSV or JSON, by its extension).
 * tenant-service validates every row first, then registers the valid ones; the report lists every problem at once.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Register many existing databases from FILE (.csv with a header line, or .json: an array of "
                + "adoptions). Every row is validated first and every problem printed; the valid rows are registered. "
                + "Re-running is harmless. Exit 0 when every row was registered or already registered, 2 when some "
                + "were rejected, 5 when tenant-service cannot be reached or refuses the file.")
public final class TenantImportCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the tenants: FILE.csv or FILE.json")
    Path file;

    @Option(
            names = "--baseline-tag",
            paramLabel = "TAG",
            description = "baseline of rows that name none: for "
                    + "databases without a Liquibase history, the changelog tag their schema is at")
    String baselineTag;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            defaultValue = "30m",
            description = "how long to wait for the report (default 30m; thousands of rows are "
                    + "checked against their databases first)")
    Duration timeout;

    @Option(
            names = "--dry-run",
            description = "check everything, change nothing: no baseline recorded, no tenant " + "registered")
    boolean dryRun;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the report to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public TenantImportCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String contentType =
                name.endsWith(".csv") ? "text/csv; charset=utf-8" : name.endsWith(".json") ? "application/json" : null;
        if (contentType == null) {
            throw usage("FILE must end in .csv or .json (not " + file + ")");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        List<String> query = new ArrayList<>();
        if (baselineTag != null && !baselineTag.isBlank()) {
            query.add("baselineTag=" + ApiClient.encode(baselineTag.trim()));
        }
        if (dryRun) {
            query.add("dryRun=true");
        }
        String path = "/api/tenants/import" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        JsonNode answer = api.post(path, contentType, body, timeout.isZero() ? Duration.ofDays(1) : timeout);
        AdoptionView.Report report = ApiClient.read(answer, AdoptionView.Report.class);
        AdoptionPrinter.printReport(ctx.out(), file.toString(), report);
        int exitCode = report.rejected() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
        ctx.out()
                .println(
                        exitCode == ExitCodes.OK
                                ? (dryRun
                                        ? "exit code 0: every row can be adopted (dry run: " + "nothing registered)"
                                        : "exit code 0: every row is registered")
                                : "exit code 2: " + report.rejected()
                                        + " row(s) rejected; fix them and run the same import again "
                                        + (dryRun
                                                ? "(dry run: nothing registered)"
                                                : "(registered rows are left unchanged)"));
        ctx.out().flush();
        writeJson(json, answer, exitCode);
        return exitCode;
    }
}
