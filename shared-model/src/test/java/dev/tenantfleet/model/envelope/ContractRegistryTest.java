package dev.tenantfleet.model.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.tenant.TenantEvent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractRegistryTest {

    @Test
    void shouldRegisterEveryPermittedRecordOfEachSealedFamily() {
        assertCovers(TenantEvent.class, TenantEvent.TYPES);
        assertCovers(MigrationCommand.class, MigrationCommand.TYPES);
        assertCovers(MigrationResult.class, MigrationResult.TYPES);
        assertCovers(ReleaseEvent.class, ReleaseEvent.TYPES);
    }

    @Test
    void shouldVersionEveryType() {
        assertThat(TenantEvent.TYPES.keySet()).allMatch(type -> type.matches("tenantfleet\\.[a-z.-]+\\.v\\d+"));
        assertThat(MigrationResult.TYPES.keySet()).allMatch(type -> type.matches("tenantfleet\\.[a-z.-]+\\.v\\d+"));
    }

    private static void assertCovers(Class<?> family, Map<String, ?> types) {
        assertThat(new HashSet<Object>(types.values())).isEqualTo(Set.of((Object[]) family.getPermittedSubclasses()));
    }
}
