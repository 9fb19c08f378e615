package dev.tenantfleet.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which TENANT_ID values identity-consumer starts with: only those its queue and routing keys can be derived from. */
class BindingModeTest {
    private final UUID tenant = UUID.randomUUID();

    @Test
    void shouldAcceptATenantIdWrittenAsTenantServiceWritesIt() {
        assertThat(BindingMode.tenant(tenant.toString())).isEqualTo(tenant);
    }

    @Test
    void shouldRefuseAnUpperCaseTenantIdNamingTheLowerCaseOne() {
        String upper = tenant.toString().toUpperCase(Locale.ROOT);

        assertThatThrownBy(() -> BindingMode.tenant(upper))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set TENANT_ID=" + tenant)
                .hasMessageContaining(upper);
    }

    @Test
    void shouldRefuseATenantIdWithSpaces() {
        assertThatThrownBy(() -> BindingMode.tenant(" " + tenant))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without spaces");
    }

    @Test
    void shouldRefuseSomethingThatIsNotATenantId() {
        assertThatThrownBy(() -> BindingMode.tenant("acme"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a tenant id (UUID), got 'acme'");
    }
}
