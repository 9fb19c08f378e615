package dev.tenantfleet.model.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.envelope.Json;
import org.junit.jupiter.api.Test;

class ReleaseCountsTest {

    @Test
    void shouldReadCountsWrittenBeforeAheadExistedAsNoneAhead() throws Exception {
        String old = "{\"total\":3,\"pending\":0,\"migrating\":0,\"migrated\":2,\"failed\":0,\"skipped\":1,"
                + "\"rollingBack\":0,\"rolledBack\":0,\"rollbackFailed\":0}";

        assertThat(Json.mapper().readValue(old, ReleaseCounts.class))
                .isEqualTo(new ReleaseCounts(3, 0, 0, 2, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldRoundTripTenantsAhead() throws Exception {
        ReleaseCounts counts = new ReleaseCounts(3, 0, 0, 1, 0, 0, 0, 0, 0, 2);

        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(counts), ReleaseCounts.class))
                .isEqualTo(counts);
    }
}
