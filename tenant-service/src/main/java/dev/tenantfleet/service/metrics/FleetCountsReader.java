package dev.tenantfleet.service.metrics;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@link FleetCounts} with four aggregate queries, each served by an index ({@code ix_tenant_status},
 * {@code ix_release_status}, {@code ix_release_tenant_state}, the partial {@code ix_outbox_unpublished}), so a refresh
 * stays cheap with thousands of tenants.
 */
@ApplicationScoped
class FleetCountsReader {
    private static final String UNFINISHED = ReleaseStatus.unfinishedStatuses().stream()
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final AgroalDataSource dataSource;

    FleetCountsReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    FleetCounts read() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Map<TenantStatus, Long> tenants =
                    countBy(statement, TenantStatus.class, "SELECT status, count(*) FROM tenant GROUP BY status");
            Map<ReleaseStatus, Long> releases = countBy(
                    statement,
                    ReleaseStatus.class,
                    "SELECT status, count(*) FROM release WHERE status IN " + UNFINISHED + " GROUP BY status");
            Map<TenantReleaseState, Long> releaseTenants = countBy(
                    statement,
                    TenantReleaseState.class,
                    "SELECT rt.state, count(*) FROM release_tenant rt JOIN release r ON r.id = rt.release_id"
                            + " WHERE r.status IN " + UNFINISHED + " GROUP BY rt.state");
            try (ResultSet outbox =
                    statement.executeQuery("SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL")) {
                outbox.next();
                Timestamp oldest = outbox.getTimestamp(2);
                return new FleetCounts(
                        tenants,
                        releases,
                        releaseTenants,
                        outbox.getLong(1),
                        oldest == null ? null : oldest.toInstant());
            }
        }
    }

    private static <E extends Enum<E>> Map<E, Long> countBy(Statement statement, Class<E> type, String sql)
            throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                E constant = constantOf(type, rows.getString(1));
                // A value this version does not know (written by a newer one) is left out rather than failing the rest.
                if (constant != null) {
                    counts.merge(constant, rows.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    private static <E extends Enum<E>> E constantOf(Class<E> type, String name) {
        return Stream.of(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
