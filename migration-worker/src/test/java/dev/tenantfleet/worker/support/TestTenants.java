package dev.tenantfleet.worker.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.RollbackTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Throw-away tenants and the commands tests send for them through the real broker, one result awaited per command. A
 * JUnit extension: {@code @RegisterExtension final TestTenants tenants = new TestTenants();} in a {@code @QuarkusTest}
 * connects to the broker with the worker's key ring before each test and, after it, drops every tenant database the
 * test created and closes the broker connection.
 */
public final class TestTenants implements BeforeEachCallback, AfterEachCallback {
    public static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final List<TestTenant> tenants = new ArrayList<>();
    private CredentialCipher cipher;
    private TestBroker broker;

    /** One tenant: its database, its ids, and the results the worker published for it. */
    public record TestTenant(TenantDatabase db, UUID id, String slug, TestBroker.Inbox results) {}

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        cipher = CredentialCipher.fromKeyRing(ConfigProvider.getConfig().getValue("tenantfleet.keys", String.class));
        broker = new TestBroker();
    }

    /** A new tenant database, with an inbox for its results bound before anything is sent. */
    public TestTenant create() throws Exception {
        TenantDatabase db = TenantDatabase.create();
        UUID id = UUID.randomUUID();
        TestTenant tenant = new TestTenant(db, id, db.name().replace('_', '-'), broker.resultsFor(id));
        tenants.add(tenant);
        return tenant;
    }

    /** A migrate-tenant command of a random release. */
    public MigrateTenant migrate(
            TestTenant tenant, String target, Integer timeoutSeconds, Boolean allowNonTransactional) {
        return new MigrateTenant(
                UUID.randomUUID(),
                tenant.id(),
                tenant.slug(),
                tenant.db().connection(cipher),
                target,
                null,
                MigrationPurpose.RELEASE,
                UUID.randomUUID(),
                timeoutSeconds,
                allowNonTransactional);
    }

    /** A migrate-tenant command outside any release (provisioning: no release id). */
    public MigrateTenant provision(TestTenant tenant, String target) {
        return new MigrateTenant(
                UUID.randomUUID(),
                tenant.id(),
                tenant.slug(),
                tenant.db().connection(cipher),
                target,
                null,
                MigrationPurpose.PROVISIONING);
    }

    /** A rollback-tenant command for what {@code release} applied. */
    public RollbackTenant rollback(TestTenant tenant, UUID release, List<String> changeSets, String expectedHead) {
        return new RollbackTenant(
                UUID.randomUUID(),
                tenant.id(),
                tenant.slug(),
                tenant.db().connection(cipher),
                release,
                changeSets,
                expectedHead,
                null,
                null);
    }

    /** Publishes {@code command} and returns the worker's result for it, which must be of {@code type}. */
    public <R extends MigrationResult> R send(TestTenant tenant, MigrationCommand command, Class<R> type)
            throws Exception {
        return resultOf(tenant, broker.publish(command), type);
    }

    /** Publishes an envelope (again: a redelivery) and returns the worker's result for it. */
    public <R extends MigrationResult> R resend(TestTenant tenant, CloudEvent<MigrationCommand> envelope, Class<R> type)
            throws Exception {
        broker.publish(envelope);
        return resultOf(tenant, envelope, type);
    }

    /** Publishes {@code command} without waiting; returns its envelope. */
    public CloudEvent<MigrationCommand> publish(MigrationCommand command) throws Exception {
        return broker.publish(command);
    }

    /** The next result for {@code tenant}, which must answer {@code envelope} and be of {@code type}. */
    public <R extends MigrationResult> R resultOf(
            TestTenant tenant, CloudEvent<MigrationCommand> envelope, Class<R> type) {
        MigrationResult result = MigrationResult.codec()
                .decode(tenant.results().next(RESULT_TIMEOUT).getBody())
                .data();
        assertThat(result.commandId()).isEqualTo(envelope.data().commandId());
        assertThat(result).isInstanceOf(type);
        return type.cast(result);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            broker.close();
        } finally {
            for (TestTenant tenant : tenants) {
                tenant.db().close();
            }
            tenants.clear();
        }
    }
}
