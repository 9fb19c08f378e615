package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.CohortPlan;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStrategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Splits the slugs a release migrates into cohorts, in the order they will run. */
final class CohortPlanner {
    private CohortPlanner() {}

    /** Cohorts of slugs; {@code slugs} is in release order (by slug). FANOUT gives one cohort. */
    static List<List<String>> plan(ReleaseSpec spec, List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of(List.of());
        }
        if (spec.strategy() == ReleaseStrategy.FANOUT) {
            return List.of(List.copyOf(slugs));
        }
        CohortPlan plan = spec.cohorts();
        return plan.lists().isEmpty() ? waves(plan, slugs) : lists(plan, slugs);
    }

    /** Canary, then waves growing by the factor: 1, 2, 4, ... with canary 1 and factor 2. */
    private static List<List<String>> waves(CohortPlan plan, List<String> slugs) {
        List<List<String>> cohorts = new ArrayList<>();
        int start = 0;
        long size = plan.canarySize();
        while (start < slugs.size()) {
            int end = (int) Math.min(slugs.size(), start + size);
            cohorts.add(List.copyOf(slugs.subList(start, end)));
            start = end;
            size = size * plan.growthFactor();
        }
        return cohorts;
    }

    /** The explicit lists in order (restricted to migrated slugs), then everyone else as a last cohort. */
    private static List<List<String>> lists(CohortPlan plan, List<String> slugs) {
        Set<String> remaining = new LinkedHashSet<>(slugs);
        List<List<String>> cohorts = new ArrayList<>();
        for (List<String> list : plan.lists()) {
            List<String> cohort = list.stream().filter(remaining::remove).toList();
            if (!cohort.isEmpty()) {
                cohorts.add(cohort);
            }
        }
        if (!remaining.isEmpty()) {
            cohorts.add(List.copyOf(remaining));
        }
        return cohorts;
    }
}
