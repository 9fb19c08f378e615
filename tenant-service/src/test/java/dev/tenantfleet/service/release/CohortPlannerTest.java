package dev.tenantfleet.service.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.CohortPlan;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortPlannerTest {
    private final List<String> slugs = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void shouldPutEveryoneInOneCohortForFanout() {
        assertThat(CohortPlanner.plan(spec(ReleaseStrategy.FANOUT, null), slugs))
                .containsExactly(slugs);
    }

    @Test
    void shouldStartWithTheCanaryThenGrowWaves() {
        List<List<String>> cohorts =
                CohortPlanner.plan(spec(ReleaseStrategy.COHORTS, new CohortPlan(1, 2, null, null)), slugs);
        assertThat(cohorts).extracting(List::size).containsExactly(1, 2, 4, 3);
        assertThat(cohorts.get(0)).containsExactly("a");
    }

    @Test
    void shouldUseExplicitListsInOrderAndPutTheRestLast() {
        CohortPlan lists = new CohortPlan(null, null, List.of(List.of("j", "unknown"), List.of("b", "c")), null);
        List<List<String>> cohorts = CohortPlanner.plan(spec(ReleaseStrategy.COHORTS, lists), slugs);
        assertThat(cohorts)
                .containsExactly(List.of("j"), List.of("b", "c"), List.of("a", "d", "e", "f", "g", "h", "i"));
    }

    @Test
    void shouldPlanOneEmptyCohortForNoTenants() {
        assertThat(CohortPlanner.plan(spec(ReleaseStrategy.COHORTS, null), List.of()))
                .containsExactly(List.of());
    }

    private static ReleaseSpec spec(ReleaseStrategy strategy, CohortPlan plan) {
        return new ReleaseSpec("v1.4", null, strategy, plan, null, null, null, null, null, null, null, null, null);
    }
}
