package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.TenantPage;
import dev.tenantfleet.tenantctl.render.TenantListPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tenantctl tenant list}: GET /api/tenants, one page or every page, filtered on the server. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List tenants by slug: status, schema head, server, database, last change.",
            "One page at a time (--page, --size), or every page (--all). Filters combine: every one given must hold."
        })
public final class TenantListCommand extends BaseCommand {
    /** The API's largest page: what --all asks for, so a fleet of 1000 takes two requests. */
    static final int MAX_SIZE = 500;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            converter = Converters.StatusConverter.class,
            description = "only tenants in this status (active, read_only, suspended, provisioning, "
                    + "provisioning_failed, deactivated)")
    TenantStatus status;

    @Option(names = "--head", paramLabel = "TAG", description = "only tenants whose recorded schema head is TAG")
    String head;

    @Option(names = "--server", paramLabel = "NAME", description = "only tenants on this database server")
    String server;

    @Option(names = "--page", paramLabel = "N", description = "the page to show, counted from 0 (default 0)")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "tenants per page, 1-500 (default 50)")
    Integer size;

    @Option(names = "--all", description = "every page, read " + MAX_SIZE + " tenants at a time")
    boolean all;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write the answer ({\"items\", \"page\", "
                    + "\"size\", \"total\"}; with --all every tenant in \"items\") to FILE (- for standard output)")
    Path json;

    @Mixin
    ApiOptions apiOptions;

    public TenantListCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (all && (page != null || size != null)) {
            throw usage("--all reads every page: it takes no --page or --size");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw usage("--size must be from 1 to " + MAX_SIZE + ", not " + size);
        }
        if (page != null && page < 0) {
            throw usage("--page counts from 0, not " + page);
        }
        ApiClient api = new ApiClient(settings(apiOptions, null));
        JsonNode answer = all ? everyPage(api) : api.get(path(page == null ? 0 : page, size));
        TenantListPrinter.print(ctx.out(), ApiClient.read(answer, TenantPage.class), all, filters());
        writeJson(json, answer, ExitCodes.OK);
        return ExitCodes.OK;
    }

    /** Reads page after page until it has {@code total} tenants (or a page comes back short: the fleet shrank). */
    private JsonNode everyPage(ApiClient api) {
        ArrayNode items = ApiClient.MAPPER.createArrayNode();
        long total;
        int index = 0;
        do {
            JsonNode answer = api.get(path(index++, MAX_SIZE));
            JsonNode pageItems = answer.path("items");
            pageItems.forEach(items::add);
            total = answer.path("total").asLong(items.size());
            if (pageItems.size() < MAX_SIZE) {
                break;
            }
        } while (items.size() < total);
        ObjectNode whole = ApiClient.MAPPER.createObjectNode();
        whole.set("items", items);
        whole.put("page", 0);
        whole.put("size", items.size());
        whole.put("total", items.size());
        return whole;
    }

    private String path(int pageIndex, Integer pageSize) {
        List<String> query = new ArrayList<>();
        if (status != null) {
            query.add("status=" + status.name());
        }
        if (head != null) {
            query.add("head=" + ApiClient.encode(head));
        }
        if (server != null) {
            query.add("server=" + ApiClient.encode(server));
        }
        query.add("page=" + pageIndex);
        if (pageSize != null) {
            query.add("size=" + pageSize);
        }
        return "/api/tenants?" + String.join("&", query);
    }

    /** The filters as a reader says them: {@code status READ_ONLY, head v1.3}. */
    private String filters() {
        List<String> filters = new ArrayList<>();
        if (status != null) {
            filters.add("status " + status.name());
        }
        if (head != null) {
            filters.add("head " + head);
        }
        if (server != null) {
            filters.add("server " + server);
        }
        return String.join(", ", filters);
    }
}
