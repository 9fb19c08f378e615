package dev.tenantfleet.service.adoption;

/**
 * One existing database to register as a tenant, as sent (a JSON object, or one CSV row). Nothing is created: the
 * database and its role must exist. {@code password} is encrypted with the key ring as soon as the request is read and
 * never logged, stored in clear or returned.
 *
 * @param slug        the tenant's slug ({@code ^[a-z][a-z0-9-]{1,40}$})
 * @param name        display name
 * @param server      a registered database server's name; blank means the default server
 * @param database    the database's name on that server
 * @param username    the role Tenant Fleet logs in as to migrate and inspect it (usually the database owner)
 * @param password    that role's password; blank for servers that do not ask for one (trust, peer)
 * @param status      ACTIVE (default), READ_ONLY or SUSPENDED
 * @param baselineTag for a database another tool migrated (no Liquibase history): the changelog tag its schema is
 *                    at, recorded as applied without running anything; ignored when its history has a tag
 */
public record AdoptionRequest(
        String slug,
        String name,
        String server,
        String database,
        String username,
        String password,
        String status,
        String baselineTag) {

    @Override
    public String toString() {
        return "AdoptionRequest[slug=" + slug + ", server=" + server + ", database=" + database + ", username="
                + username
                + ", password=" + (password == null || password.isEmpty() ? "none" : "***") + ", status=" + status
                + ", baselineTag=" + baselineTag + "]";
    }
}
