package dev.tenantfleet.service.server;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.config.TenantFleetConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Registers, updates and looks up database servers; makes sure the configured default server exists. */
@ApplicationScoped
public class ServerRegistry {
    private static final Logger LOG = Logger.getLogger(ServerRegistry.class);
    private final TenantFleetConfig config;

    ServerRegistry(TenantFleetConfig config) {
        this.config = config;
    }

    @Transactional
    void registerDefaultServer(@Observes StartupEvent event) {
        TenantFleetConfig.DefaultServer server = config.defaultServer();
        if (DatabaseServer.findByName(server.name()).isEmpty()) {
            register(new ServerRequest(
                    server.name(), server.host(), server.port(), server.credentialsRef(), server.concurrencyCap()));
            LOG.infof("Registered default database server %s at %s:%d", server.name(), server.host(), server.port());
        }
    }

    /** All servers by name. */
    public List<DatabaseServer> list() {
        return DatabaseServer.list("order by name");
    }

    /** The server called {@code name}, or SERVER_NOT_FOUND. */
    public DatabaseServer get(String name) {
        return DatabaseServer.findByName(name)
                .orElseThrow(() -> new TenantFleetException(
                        TenantErrorCode.SERVER_NOT_FOUND, "no database server named '" + name + "'"));
    }

    /** The server tenants land on when they name none. */
    public DatabaseServer defaultServer() {
        return get(config.defaultServer().name());
    }

    /** Registers a new server; DUPLICATE_SERVER when the name is taken. */
    @Transactional
    public DatabaseServer register(ServerRequest request) {
        if (DatabaseServer.findByName(request.name()).isPresent()) {
            throw new TenantFleetException(
                    TenantErrorCode.DUPLICATE_SERVER, "database server '" + request.name() + "' exists");
        }
        DatabaseServer server = new DatabaseServer();
        server.id = UUID.randomUUID();
        server.name = request.name();
        server.createdAt = Instant.now();
        apply(server, request);
        server.persist();
        return server;
    }

    /** Changes where a server is reached (after a failover, say); tenants keep pointing at it. */
    @Transactional
    public DatabaseServer update(String name, ServerRequest request) {
        DatabaseServer server = get(name);
        apply(server, request);
        return server;
    }

    private static void apply(DatabaseServer server, ServerRequest request) {
        server.host = request.host();
        server.port = request.port();
        server.adminCredentialsRef = request.adminCredentialsRef();
        server.concurrencyCap = request.concurrencyCap() == null ? 4 : request.concurrencyCap();
        server.updatedAt = Instant.now();
    }
}
