package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.FleetStatusView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the fleet: tenants per head, who is behind the changelog head (grouped by head), who drifted. */
public final class FleetPrinter {
    static final int SLUGS_PER_LINE = 20;

    private FleetPrinter() {}

    public static void print(PrintWriter out, FleetStatusView fleet) {
        int total = fleet.total() != null
                ? fleet.total()
                : fleet.byHead().values().stream().mapToInt(Integer::intValue).sum();
        out.println("Fleet: " + Text.plural(total, "tenant") + ", changelog head " + Text.head(fleet.changelogHead())
                + (fleet.changelogDigest() == null ? "" : " (digest " + fleet.changelogDigest() + ")"));
        int width =
                fleet.byHead().keySet().stream().mapToInt(String::length).max().orElse(6);
        List<Map.Entry<String, Integer>> heads = new ArrayList<>(fleet.byHead().entrySet());
        heads.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> head : heads) {
            String marker = head.getKey().equals(fleet.changelogHead()) ? "  (head)" : "";
            out.println(String.format("  %-" + width + "s %6d%s", head.getKey(), head.getValue(), marker));
        }
        if (fleet.behind().isEmpty()) {
            out.println("Behind the head: none");
        } else {
            out.println("Behind the head (" + fleet.behind().size() + "):");
            Map<String, List<String>> byHead = new LinkedHashMap<>();
            fleet.behind().stream()
                    .sorted(Comparator.comparing(b -> Text.head(b.head())))
                    .forEach(b -> byHead.computeIfAbsent(Text.head(b.head()), k -> new ArrayList<>())
                            .add(b.slug()));
            byHead.forEach((head, slugs) ->
                    out.println("  at " + head + " (" + slugs.size() + "): " + Text.list(slugs, SLUGS_PER_LINE)));
        }
        if (fleet.drifted().isEmpty()) {
            out.println("Drifted: none");
        } else {
            out.println("Drifted (" + fleet.drifted().size() + "):");
            for (FleetStatusView.Drifted drifted : fleet.drifted()) {
                out.println("  " + drifted.slug() + " at " + Text.head(drifted.head())
                        + (drifted.drift().isEmpty() ? "" : ":"));
                drifted.drift().forEach(d -> out.println("    ~ " + Text.node(d)));
            }
        }
        out.flush();
    }
}
