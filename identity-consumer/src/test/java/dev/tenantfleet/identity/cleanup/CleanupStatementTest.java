package dev.tenantfleet.identity.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupStatementTest {

    @Test
    void everyUserIdPlaceholderBecomesAParameterAndCastsAreLeftAlone() {
        CleanupStatement statement = CleanupStatement.parse(
                "UPDATE deals SET owner_id = NULL, note = 'x::text' WHERE owner_id = :userId::uuid OR created_by = :userId");

        assertThat(statement.sql())
                .isEqualTo(
                        "UPDATE deals SET owner_id = NULL, note = 'x::text' WHERE owner_id = ?::uuid OR created_by = ?");
        assertThat(statement.parameters()).isEqualTo(2);
    }

    @Test
    void blankStatementsAreDroppedAndOtherNamesAreNotPlaceholders() {
        List<CleanupStatement> statements =
                CleanupStatement.parse(List.of("  ", "DELETE FROM t WHERE a = :userIdentity"));

        assertThat(statements).containsExactly(new CleanupStatement("DELETE FROM t WHERE a = :userIdentity", 0));
    }
}
