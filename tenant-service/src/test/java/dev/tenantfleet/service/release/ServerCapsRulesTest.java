package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.SERVER_A;
import static dev.tenantfleet.service.release.ReleaseFixture.SERVER_B;
import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.TenantReleaseState;
import org.junit.jupiter.api.Test;

/** Tenants start only while the fleet-wide concurrency and their server's cap leave room. */
class ServerCapsRulesTest {
    @Test
    void noMoreThanTheConcurrencyStartFleetWide() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(2));
        for (String slug : new String[] {"a", "b", "c", "d"}) {
            fixture.tenant(slug, 0, TenantReleaseState.PENDING, slug.compareTo("b") <= 0 ? SERVER_A : SERVER_B);
        }

        assertThat(migrated(fixture.step())).containsExactly("a", "b");
    }

    @Test
    void eachServerTakesNoMoreThanItsOwnCapAndAFullServerDoesNotBlockTheOthers() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(10));
        fixture.serverCaps.put(SERVER_A, 1);
        fixture.serverCaps.put(SERVER_B, 2);
        fixture.tenant("a1", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("a2", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("b1", 0, TenantReleaseState.PENDING, SERVER_B);
        fixture.tenant("b2", 0, TenantReleaseState.PENDING, SERVER_B);
        fixture.tenant("b3", 0, TenantReleaseState.PENDING, SERVER_B);

        StepOutcome outcome = fixture.step();

        assertThat(migrated(outcome)).containsExactly("a1", "b1", "b2");
        assertThat(fixture.tenants)
                .filteredOn(tenant -> tenant.slug.equals("a2"))
                .extracting(tenant -> tenant.state)
                .containsExactly(TenantReleaseState.PENDING);
    }

    @Test
    void theSpecsServerConcurrencyOverridesTheServersOwnCaps() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(10).serverConcurrency(1));
        fixture.tenant("a1", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("a2", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("b1", 0, TenantReleaseState.PENDING, SERVER_B);

        assertThat(migrated(fixture.step())).containsExactly("a1", "b1");
    }

    @Test
    void tenantsAlreadyInFlightTakeTheirPlacesOnTheirServer() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(10));
        fixture.serverCaps.put(SERVER_A, 2);
        fixture.tenant("a1", 0, TenantReleaseState.MIGRATING, SERVER_A);
        fixture.tenant("a2", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("a3", 0, TenantReleaseState.PENDING, SERVER_A);

        assertThat(migrated(fixture.step())).containsExactly("a2");
    }

    @Test
    void aServerWithoutAKnownCapTakesOneTenantAtATime() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(10));
        fixture.serverCaps.clear();
        fixture.tenant("a1", 0, TenantReleaseState.PENDING, SERVER_A);
        fixture.tenant("a2", 0, TenantReleaseState.PENDING, SERVER_A);

        assertThat(migrated(fixture.step())).containsExactly("a1");
    }
}
