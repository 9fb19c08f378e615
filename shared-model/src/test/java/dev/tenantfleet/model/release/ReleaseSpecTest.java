package dev.tenantfleet.model.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.model.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

class ReleaseSpecTest {

    @Test
    void shouldFillTheDocumentedDefaultsFromAMinimalSpec() throws Exception {
        ReleaseSpec spec = Json.mapper().readValue("{\"targetTag\":\"v1.4\"}", ReleaseSpec.class);
        assertThat(spec.strategy()).isEqualTo(ReleaseStrategy.FANOUT);
        assertThat(spec.concurrency()).isEqualTo(3);
        assertThat(spec.tenantTimeoutSeconds()).isEqualTo(120);
        assertThat(spec.statuses()).containsExactlyInAnyOrder(TenantStatus.ACTIVE, TenantStatus.READ_ONLY);
        assertThat(spec.failurePolicy()).isEqualTo(FailurePolicy.HALT);
        assertThat(spec.failureBudget()).isEqualTo(FailureBudget.NONE);
        assertThat(spec.readOnlyGate()).isFalse();
    }

    @Test
    void shouldJudgeCohortsAgainstCountAndPercentBudgets() {
        assertThat(FailureBudget.NONE.exceededBy(1, 10)).isTrue();
        assertThat(new FailureBudget(2, null).exceededBy(2, 10)).isFalse();
        assertThat(new FailureBudget(2, null).exceededBy(3, 10)).isTrue();
        assertThat(new FailureBudget(null, 10).exceededBy(1, 10)).isFalse();
        assertThat(new FailureBudget(null, 10).exceededBy(1, 5)).isTrue(); // 10% of 5 rounds down to 0
        assertThatThrownBy(() -> new FailureBudget(1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectNonsenseConcurrency() {
        assertThatThrownBy(() ->
                        new ReleaseSpec("v1", null, null, null, 0, null, null, null, null, null, null, null, null))
                .hasMessageContaining("concurrency");
    }
}
