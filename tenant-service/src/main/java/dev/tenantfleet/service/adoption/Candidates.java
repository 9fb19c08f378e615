package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.credentials.Credentials;
import dev.tenantfleet.service.tenant.TenantNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads adoption rows into {@link Candidate}s: encrypts each password at once and checks each field on its own. */
@ApplicationScoped
class Candidates {
    /** Database names Tenant Fleet can put in a JDBC URL as they are. */
    static final String DATABASE_RULE = "^[A-Za-z_][A-Za-z0-9_-]{0,62}$";
    /** Role names (passed as the JDBC user, so a little more is allowed: user@host for managed servers). */
    static final String USERNAME_RULE = "^[A-Za-z_][A-Za-z0-9_.@$-]{0,62}$";

    private static final Pattern DATABASE = Pattern.compile(DATABASE_RULE);
    private static final Pattern USERNAME = Pattern.compile(USERNAME_RULE);

    private final Credentials credentials;
    private final ReleaseChangelog changelog;

    Candidates(Credentials credentials, ReleaseChangelog changelog) {
        this.credentials = credentials;
        this.changelog = changelog;
    }

    /** The candidate of {@code request} at {@code line}; {@code defaultBaseline} applies when the row names none. */
    Candidate of(int line, AdoptionRequest request, String defaultBaseline) {
        List<RowProblem> problems = new ArrayList<>();
        String slug = trim(request.slug());
        try {
            TenantNaming.requireValidSlug(slug);
        } catch (RuntimeException e) {
            problems.add(RowProblem.of(TenantErrorCode.INVALID_SLUG, "slug", e.getMessage()));
        }
        String name = trim(request.name());
        if (name == null) {
            problems.add(RowProblem.of(TenantErrorCode.INVALID_REQUEST, "name", "name is missing"));
        } else if (name.length() > 200) {
            problems.add(RowProblem.of(TenantErrorCode.INVALID_REQUEST, "name", "name is longer than 200 characters"));
        }
        String database = trim(request.database());
        if (database == null || !DATABASE.matcher(database).matches()) {
            problems.add(RowProblem.of(
                    TenantErrorCode.INVALID_REQUEST,
                    "database",
                    "database "
                            + (database == null
                                    ? "is missing"
                                    : "'" + abbreviate(database) + "' is not a name Tenant Fleet can " + "adopt")
                            + ": it must match " + DATABASE_RULE));
        }
        String username = trim(request.username());
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(RowProblem.of(
                    TenantErrorCode.INVALID_REQUEST,
                    "username",
                    "username "
                            + (username == null
                                    ? "is missing"
                                    : "'" + abbreviate(username) + "' is not a role name Tenant Fleet " + "can use")
                            + ": it must match " + USERNAME_RULE));
        }
        TenantStatus status = status(request.status(), problems);
        String baselineTag = trim(request.baselineTag()) != null ? trim(request.baselineTag()) : trim(defaultBaseline);
        if (baselineTag != null) {
            String why = changelog.get().whyNotATarget(baselineTag);
            if (why != null) {
                problems.add(RowProblem.of(TenantErrorCode.INVALID_REQUEST, "baselineTag", "baseline " + why));
                baselineTag = null; // the database is still inspected, as if no baseline had been asked
            }
        }
        // Encrypted here, before anything else looks at the row: only the ciphertext travels on.
        String password = request.password() == null ? "" : request.password();
        return new Candidate(
                line,
                slug,
                name,
                trim(request.server()),
                database,
                username,
                credentials.encrypt(password),
                status,
                baselineTag,
                problems);
    }

    private static TenantStatus status(String given, List<RowProblem> problems) {
        String text = trim(given);
        if (text == null) {
            return TenantStatus.ACTIVE;
        }
        try {
            TenantStatus status =
                    TenantStatus.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (TenantStatus.OPERATOR_SETTABLE.contains(status)) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(RowProblem.of(
                TenantErrorCode.INVALID_REQUEST,
                "status",
                "status '" + abbreviate(text) + "' cannot be adopted: use ACTIVE, READ_ONLY or SUSPENDED"));
        return null;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 70 ? value.substring(0, 70) + "..." : value;
    }
}
