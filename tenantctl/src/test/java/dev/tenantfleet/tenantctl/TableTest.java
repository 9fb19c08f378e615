package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.tenantctl.render.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The aligned tables of the read commands. */
class TableTest {
    private final StringWriter buffer = new StringWriter();
    private final PrintWriter out = new PrintWriter(buffer, true);

    @Test
    void shouldAlignColumnsToTheWidestCellAndEndNoLineInBlanks() {
        new Table("  ", "SLUG", "STATUS", "NOTE")
                .row("acme", "ACTIVE", null)
                .row("a-longer-slug", "READ_ONLY", "x")
                .print(out);

        assertThat(buffer.toString().lines())
                .containsExactly(
                        "  SLUG           STATUS     NOTE",
                        "  acme           ACTIVE     -",
                        "  a-longer-slug  READ_ONLY  x");
    }

    @Test
    void shouldPutEveryCellOnOneLineAndCutLongOnes() {
        new Table("", "A", "B").row("two\nlines", "x".repeat(200)).print(out);

        String row = buffer.toString().lines().toList().get(1);
        assertThat(row).startsWith("two lines  ").endsWith("...");
        assertThat(row).hasSize("two lines  ".length() + 80);
    }

    @Test
    void shouldRefuseARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("", "A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
