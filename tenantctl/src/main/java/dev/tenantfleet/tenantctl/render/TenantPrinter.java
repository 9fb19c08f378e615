package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.AuditEntryView;
import dev.tenantfleet.tenantctl.api.TenantView;
import java.io.PrintWriter;
import java.util.List;

/** Prints one tenant: in one line ({@code tenant status}) or in full with its audit trail ({@code tenant show}). */
public final class TenantPrinter {
    private TenantPrinter() {}

    /** {@code tenant acme is ACTIVE (schema head v1.4, server local, database tf_acme)}, and why it is stuck if it is. */
    public static void brief(PrintWriter out, TenantView tenant) {
        out.println(
                "tenant " + tenant.slug() + " is " + tenant.status() + " (schema head " + Text.head(tenant.schemaHead())
                        + ", server " + tenant.server() + ", database " + tenant.database() + ")");
        problems(out, tenant, "  ");
        out.flush();
    }

    /**
     * Every field worth reading, then the newest {@code auditShown} entries of the audit trail (given oldest first,
     * as the API answers it), newest first; {@code audit} null = not asked for.
     */
    public static void full(PrintWriter out, TenantView tenant, List<AuditEntryView> audit, int auditShown) {
        out.println("Tenant " + tenant.slug() + (tenant.name() == null ? "" : ": " + tenant.name()));
        out.println("  status:       " + tenant.status());
        out.println("  schema head:  " + Text.head(tenant.schemaHead()));
        out.println("  server:       " + tenant.server());
        out.println("  database:     " + tenant.database()
                + (tenant.role() == null ? "" : " (role " + tenant.role() + ")"));
        problems(out, tenant, "  ");
        out.println("  created:      " + Text.time(tenant.createdAt()));
        out.println("  updated:      " + Text.time(tenant.updatedAt()));
        if (tenant.deactivatedAt() != null) {
            out.println("  deactivated:  " + Text.time(tenant.deactivatedAt()));
        }
        if (audit != null) {
            printAudit(out, audit, auditShown);
        }
        out.flush();
    }

    /** {@code ACTIVE}, or {@code PROVISIONING_FAILED (DATABASE_CREATE_FAILED)}: the status with what holds it up. */
    public static String statusCell(TenantView tenant) {
        if (tenant.failure() != null && tenant.failure().code() != null) {
            return tenant.status() + " (" + tenant.failure().code() + ")";
        }
        if (tenant.provisioningStep() != null) {
            return tenant.status() + " (next step " + tenant.provisioningStep() + ")";
        }
        return tenant.status();
    }

    private static void problems(PrintWriter out, TenantView tenant, String indent) {
        if (tenant.provisioningStep() != null) {
            out.println(indent + "provisioning: next step " + tenant.provisioningStep());
        }
        if (tenant.failure() != null) {
            out.println(indent + "failure:      "
                    + (tenant.failure().code() == null ? "" : tenant.failure().code() + ": ")
                    + Text.oneLine(tenant.failure().reason(), 500));
        }
    }

    private static void printAudit(PrintWriter out, List<AuditEntryView> audit, int shown) {
        out.println();
        if (audit.isEmpty()) {
            out.println("Audit trail: empty");
            return;
        }
        int count = Math.min(shown, audit.size());
        out.println("Audit trail, newest first"
                + (count < audit.size()
                        ? " (the last " + count + " of " + audit.size() + " entries; --audit " + audit.size()
                                + " shows all):"
                        : " (" + audit.size() + (audit.size() == 1 ? " entry" : " entries") + "):"));
        Table table = new Table("  ", "AT", "ACTOR", "ACTION", "STATUS", "REASON", "DETAILS");
        for (int i = audit.size() - 1; i >= audit.size() - count; i--) {
            AuditEntryView entry = audit.get(i);
            table.row(
                    Text.time(entry.at()),
                    entry.actor(),
                    entry.action(),
                    statusChange(entry),
                    entry.reason(),
                    entry.details());
        }
        table.print(out);
    }

    private static String statusChange(AuditEntryView entry) {
        if (entry.toStatus() == null) {
            return entry.fromStatus();
        }
        return entry.fromStatus() == null || entry.fromStatus().equals(entry.toStatus())
                ? entry.toStatus()
                : entry.fromStatus() + " -> " + entry.toStatus();
    }
}
