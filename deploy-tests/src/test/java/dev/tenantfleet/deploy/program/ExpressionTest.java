package dev.tenantfleet.deploy.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expressions and environment names as SmallRye Config resolves them. */
class ExpressionTest {

    @Test
    void envFormReplacesEveryNonAlphanumericAndUpperCases() {
        assertThat(EnvForm.of("quarkus.http.port")).isEqualTo("QUARKUS_HTTP_PORT");
        assertThat(EnvForm.of("quarkus.log.category.\"dev.tenantfleet\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__DEV_TENANTFLEET__LEVEL");
        assertThat(EnvForm.of("SYSTEM_API_TOKEN")).isEqualTo("SYSTEM_API_TOKEN");
    }

    @Test
    void namesAreFoundAtAnyDepthButAnOuterNameHoldingAnExpressionIsNotOne() {
        assertThat(Expression.names("${CONTROL_DB_URL:jdbc:postgresql://${PGHOST:127.0.0.1}:${PGPORT:5432}/db}"))
                .containsExactly("CONTROL_DB_URL", "PGHOST", "PGPORT");
        assertThat(Expression.names("${binding.${TENANT_ID:fleet-wide}.identity-queue:${binding.queue-prefix}.x}"))
                .containsExactly("TENANT_ID", "binding.queue-prefix");
    }

    @Test
    void aDefaultIsUsedOnlyWhenTheNameIsMissingAndOnlyThenEvaluated() {
        Set<String> missing = new HashSet<>();
        Map<String, String> env = Map.of("PGHOST", "db");

        String url = Expression.expand(
                "jdbc:postgresql://${PGHOST:127.0.0.1}:${PGPORT:5432}/x",
                name -> Optional.ofNullable(env.get(name)),
                missing);
        String queue = Expression.expand(
                "${known:${TENANT_ID}}", name -> Optional.of("q").filter(v -> name.equals("known")), missing);

        assertThat(url).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(queue).isEqualTo("q");
        assertThat(missing).as("TENANT_ID is in a default that never applied").isEmpty();
    }

    @Test
    void aNameWithoutDefaultThatNothingProvidesIsMissing() {
        Set<String> missing = new HashSet<>();

        assertThat(Expression.expand("${SYSTEM_API_TOKEN}", name -> Optional.empty(), missing))
                .isEmpty();
        assertThat(missing).containsExactly("SYSTEM_API_TOKEN");
    }
}
