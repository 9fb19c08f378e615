package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.TenantPage;
import dev.tenantfleet.tenantctl.api.TenantView;
import java.io.PrintWriter;

/** Prints {@code tenant list}: one row per tenant, then which tenants of how many these are and how to see the next. */
public final class TenantListPrinter {
    /** Widest tenant name printed in the list. */
    static final int NAME_WIDTH = 30;

    private TenantListPrinter() {}

    /**
     * @param page    the tenants, with the page index, size and total the API answered
     * @param all     whether {@code page} holds every page ({@code --all})
     * @param filters the filters asked for, as the user would read them ({@code status READ_ONLY}), or empty
     */
    public static void print(PrintWriter out, TenantPage page, boolean all, String filters) {
        long total = page.total() != null ? page.total() : page.items().size();
        String matching = filters.isEmpty() ? "" : " matching " + filters;
        if (total == 0) {
            out.println("No tenants" + matching + ".");
            out.flush();
            return;
        }
        if (!page.items().isEmpty()) {
            Table table = new Table("", "SLUG", "NAME", "STATUS", "HEAD", "SERVER", "DATABASE", "UPDATED");
            for (TenantView tenant : page.items()) {
                // names are free text of any length: cut so the table stays readable (tenant show prints it whole)
                table.row(
                        tenant.slug(),
                        Text.oneLine(tenant.name(), NAME_WIDTH),
                        TenantPrinter.statusCell(tenant),
                        Text.head(tenant.schemaHead()),
                        tenant.server(),
                        tenant.database(),
                        Text.time(tenant.updatedAt()));
            }
            table.print(out);
        }
        out.println(footer(page, all, total, matching));
        out.flush();
    }

    private static String footer(TenantPage page, boolean all, long total, String matching) {
        if (all) {
            return Text.plural((int) total, "tenant") + matching + ".";
        }
        int index = page.page() != null ? page.page() : 0;
        int size = page.size() != null ? page.size() : page.items().size();
        long first = (long) index * size + 1;
        long last = first + page.items().size() - 1;
        long pages = size == 0 ? 1 : (total + size - 1) / size;
        if (page.items().isEmpty()) {
            return "Page " + index + " is past the last page: " + Text.plural((int) total, "tenant") + matching + " on "
                    + pages + (pages == 1 ? " page" : " pages") + " of " + size + " (pages count from 0).";
        }
        String shown = first == 1 && last == total
                ? Text.plural((int) total, "tenant") + matching
                : "Tenants " + first + "-" + last + " of " + total + matching + ", page " + index + " of pages 0-"
                        + (pages - 1);
        return shown + (last < total ? "; next: --page " + (index + 1) + ", or --all" : "") + ".";
    }
}
