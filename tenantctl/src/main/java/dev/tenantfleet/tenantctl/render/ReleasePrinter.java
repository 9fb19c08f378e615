package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.ReleaseView;
import java.io.PrintWriter;
import java.util.List;

/** Prints releases as tables: the recent releases ({@code release list}), a release's tenants ({@code release show}). */
public final class ReleasePrinter {
    /** Most releases {@code GET /api/releases} answers at once. */
    public static final int MAX_LIMIT = 200;

    private ReleasePrinter() {}

    /** One row per release, newest first as the API answers; {@code limit} says whether there may be more. */
    public static void list(PrintWriter out, List<ReleaseView> releases, int limit) {
        if (releases.isEmpty()) {
            out.println("No releases yet.");
            out.flush();
            return;
        }
        Table table = new Table("", "ID", "TARGET", "STATUS", "CREATED", "DURATION", "TENANTS", "BY");
        for (ReleaseView release : releases) {
            table.row(
                    release.id(),
                    release.targetTag(),
                    release.status(),
                    Text.time(release.createdAt()),
                    duration(release),
                    release.counts() == null
                            ? null
                            : release.counts().total() + " (" + Text.counts(release.counts()) + ")",
                    release.requestedBy());
        }
        table.print(out);
        out.println(Text.plural(releases.size(), "release") + ", newest first"
                + (releases.size() >= limit
                        ? "; older ones: --limit " + Math.min(limit * 2, MAX_LIMIT) + " (at most " + MAX_LIMIT + ")"
                        : "")
                + ". Details: tenantctl release show ID");
        out.flush();
    }

    /** One row per tenant of the release, in the release's order (cohort by cohort). */
    public static void tenants(PrintWriter out, ReleaseView release) {
        out.println("Tenants (" + release.tenants().size() + "):");
        if (release.tenants().isEmpty()) {
            out.println("  none");
            out.flush();
            return;
        }
        boolean cohorts = release.cohorts() != null && release.cohorts() > 1;
        Table table = new Table("  ", "SLUG", "COHORT", "STATE", "FROM", "TO", "DURATION", "ATTEMPTS", "ERROR");
        for (ReleaseView.Tenant tenant : release.tenants()) {
            table.row(
                    tenant.slug(),
                    cohorts && tenant.cohort() != null ? (tenant.cohort() + 1) + "/" + release.cohorts() : null,
                    tenant.state(),
                    tenant.headBefore(),
                    tenant.headAfter(),
                    Text.millis(tenant.durationMillis()),
                    tenant.attempts(),
                    tenant.error() == null ? null : tenant.error().code());
        }
        table.print(out);
        out.flush();
    }

    private static String duration(ReleaseView release) {
        if (release.status() != null && !release.status().terminal()) {
            return "running";
        }
        return release.duration() == null ? null : Text.duration(release.duration());
    }
}
