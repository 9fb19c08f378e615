package dev.tenantfleet.service.server;

/** The admin login of a database server, resolved from configuration when needed and never persisted. */
public record AdminCredentials(String username, String password) {
    @Override
    public String toString() {
        return "AdminCredentials[username=" + username + "]";
    }
}
