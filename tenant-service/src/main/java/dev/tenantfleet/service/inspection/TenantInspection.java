package dev.tenantfleet.service.fleet;

import dev.tenantfleet.changelog.TenantPlan;

/**
 * What one tenant database says about itself: its plan against a target, or why it could not be read.
 *
 * @param head  the last tag in the tenant's Liquibase history (null when none)
 * @param plan  pending changesets and drift; null when the database could not be read
 * @param error why the database could not be read; null on success
 */
record TenantInspection(String slug, String head, TenantPlan plan, String error) {
}
