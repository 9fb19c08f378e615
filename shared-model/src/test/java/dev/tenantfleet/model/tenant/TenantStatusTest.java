package dev.tenantfleet.model.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantStatusTest {

    @Test
    void shouldFollowTheDocumentedLifecycle() {
        assertThat(TenantStatus.PROVISIONING.allowedTargets())
                .containsExactlyInAnyOrder(TenantStatus.ACTIVE, TenantStatus.PROVISIONING_FAILED);
        assertThat(TenantStatus.ACTIVE.canMoveTo(TenantStatus.READ_ONLY)).isTrue();
        assertThat(TenantStatus.READ_ONLY.canMoveTo(TenantStatus.SUSPENDED)).isTrue();
        assertThat(TenantStatus.SUSPENDED.canMoveTo(TenantStatus.ACTIVE)).isTrue();
        assertThat(TenantStatus.SUSPENDED.canMoveTo(TenantStatus.DEACTIVATED)).isTrue();
    }

    @Test
    void shouldNeverLeaveDeactivated() {
        assertThat(TenantStatus.DEACTIVATED.allowedTargets()).isEmpty();
    }

    @Test
    void shouldNotActivateATenantThatIsStillProvisioningFailed() {
        assertThat(TenantStatus.PROVISIONING_FAILED.canMoveTo(TenantStatus.ACTIVE))
                .isFalse();
    }
}
