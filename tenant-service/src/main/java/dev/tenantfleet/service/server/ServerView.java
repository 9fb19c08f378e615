package dev.tenantfleet.service.server;

import java.time.Instant;

/** A database server as the API shows it. */
public record ServerView(
        String name,
        String host,
        int port,
        String adminCredentialsRef,
        int concurrencyCap,
        Instant createdAt,
        Instant updatedAt) {
    static ServerView of(DatabaseServer server) {
        return new ServerView(
                server.name,
                server.host,
                server.port,
                server.adminCredentialsRef,
                server.concurrencyCap,
                server.createdAt,
                server.updatedAt);
    }
}
