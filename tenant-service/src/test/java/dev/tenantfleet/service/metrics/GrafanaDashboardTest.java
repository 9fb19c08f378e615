package dev.tenantfleet.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.observability.MetricNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in ops/grafana cannot drift from the code: every PromQL query uses only series listed in
 * {@link MetricNames} (which the services' metrics tests scrape), and every listed series is on the dashboard.
 */
class GrafanaDashboardTest {
    /** The dashboard file; tests run in tenant-service/, the repository root is one up. */
    static final Path DASHBOARD =
            Path.of(System.getProperty("tenantfleet.root", ".."), "ops", "grafana", "tenant-fleet-dashboard.json");

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "atan2");

    private JsonNode dashboard;

    @BeforeEach
    void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void everyQueryUsesSomeSeriesAndOnlySeriesTheServicesExpose() {
        List<String> exprs = exprs();

        assertThat(exprs).hasSizeGreaterThan(10);
        for (String expr : exprs) {
            assertThat(metricNames(expr)).as(expr).isNotEmpty().isSubsetOf(MetricNames.all());
        }
    }

    @Test
    void everySeriesTheServicesExposeIsOnTheDashboard() {
        Set<String> used = new TreeSet<>();
        exprs().forEach(expr -> used.addAll(metricNames(expr)));

        // _sum and _max of a histogram only matter next to its buckets or count, which are checked.
        assertThat(used)
                .containsAll(MetricNames.all().stream()
                        .filter(name -> !name.endsWith("_sum") && !name.endsWith("_max"))
                        .toList());
    }

    @Test
    void everyPanelQueriesThePrometheusDatasourceInputOfTheImport() {
        assertThat(dashboard.path("__inputs").findValuesAsText("name")).containsExactly("DS_PROMETHEUS");
        assertThat(dashboard.path("__inputs").get(0).path("pluginId").asText()).isEqualTo("prometheus");
        assertThat(dashboard.path("schemaVersion").asInt())
                .as("Grafana 10+ schema")
                .isGreaterThanOrEqualTo(38);
        for (JsonNode panel : panels()) {
            assertThat(panel.path("datasource").path("uid").asText())
                    .as(panel.path("title").asText())
                    .isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets"))
                    .as(panel.path("title").asText())
                    .isNotEmpty()
                    .allSatisfy(target -> assertThat(
                                    target.path("datasource").path("uid").asText())
                            .isEqualTo("${DS_PROMETHEUS}"));
        }
    }

    @Test
    void queryParsingFindsTheSeriesAndSkipsFunctionsLabelsAndVariables() {
        assertThat(
                        metricNames(
                                "histogram_quantile(0.99, sum by (le, kind) (rate(tenantfleet_tenant_migration_seconds_bucket"
                                        + "{kind=\"migrate\", outcome=~\"succ.*\"}[$__rate_interval]))) / on (kind) group_left max(up) * 1e3"))
                .containsExactlyInAnyOrder("tenantfleet_tenant_migration_seconds_bucket", "up");
    }

    /** The series names a PromQL expression reads: identifiers left once strings, label matchers, ranges and label
     * lists are removed, that are neither functions nor keywords. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group().toLowerCase())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add); // a collapsed row keeps its panels inside
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private List<String> exprs() {
        List<String> exprs = new ArrayList<>();
        panels().forEach(panel -> panel.path("targets")
                .forEach(target -> exprs.add(target.path("expr").asText())));
        return exprs;
    }
}
