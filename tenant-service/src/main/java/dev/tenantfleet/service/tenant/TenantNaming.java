package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.util.regex.Pattern;

/**
 * The slug rule and the PostgreSQL names derived from a slug. A valid slug holds only {@code [a-z0-9-]},
 * so the derived identifiers hold only {@code [a-z0-9_]} and need no escaping beyond double quotes;
 * dashes become underscores, which cannot collide because slugs never contain underscores.
 */
public final class TenantNaming {
    /** The slug rule, as documented in the API. */
    public static final String SLUG_RULE = "^[a-z][a-z0-9-]{1,40}$";

    private static final Pattern SLUG = Pattern.compile(SLUG_RULE);

    private TenantNaming() {}

    /** {@code slug} itself, or INVALID_SLUG quoting the rule. */
    public static String requireValidSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_SLUG,
                    "slug " + (slug == null ? "is missing" : "'" + abbreviate(slug) + "' is invalid")
                            + ": it must match " + SLUG_RULE
                            + " (a lowercase letter, then 1-40 lowercase letters, digits or dashes)");
        }
        return slug;
    }

    /** The tenant database name, e.g. {@code tf_acme_corp}. */
    public static String databaseName(String prefix, String slug) {
        return prefix + requireValidSlug(slug).replace('-', '_');
    }

    /** The tenant's own login role, owner of its database, e.g. {@code tf_acme_corp_owner}. */
    public static String roleName(String prefix, String slug) {
        return databaseName(prefix, slug) + "_owner";
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
