package dev.tenantfleet.model.release;

import java.util.List;

/**
 * How COHORTS splits the targeted tenants. With {@code lists}, each list of slugs is a cohort in order and the
 * tenants in none of them form a last cohort. Otherwise a canary of {@code canarySize} tenants goes first,
 * then waves that grow by {@code growthFactor} (canary 1, factor 2: 1, 2, 4, 8, ... tenants).
 *
 * @param canarySize       tenants in the first cohort (default 1)
 * @param growthFactor     how much each wave grows over the previous one (default 2)
 * @param lists            explicit cohorts by slug, in order; empty for canary + waves
 * @param pauseSeconds     pause between cohorts (default 0)
 */
public record CohortPlan(Integer canarySize, Integer growthFactor, List<List<String>> lists, Integer pauseSeconds) {
    public CohortPlan {
        canarySize = canarySize == null ? 1 : canarySize;
        growthFactor = growthFactor == null ? 2 : growthFactor;
        lists = lists == null ? List.of() : lists.stream().map(List::copyOf).toList();
        pauseSeconds = pauseSeconds == null ? 0 : pauseSeconds;
        if (canarySize < 1 || growthFactor < 1 || pauseSeconds < 0) {
            throw new IllegalArgumentException("canarySize and growthFactor must be >= 1, pauseSeconds >= 0");
        }
    }
}
