package dev.tenantfleet.model.release;

/**
 * How many failures a cohort may have and still count as passed. Exactly one of the two is set; the
 * default budget is zero failures.
 *
 * @param count   failures allowed per cohort
 * @param percent failures allowed per cohort, as a percentage of its tenants (rounded down)
 */
public record FailureBudget(Integer count, Integer percent) {
    /** No failure allowed. */
    public static final FailureBudget NONE = new FailureBudget(0, null);

    public FailureBudget {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("a failure budget is either a count or a percent");
        }
        if (count != null && count < 0 || percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("a failure budget count must be >= 0 and a percent 0-100");
        }
    }

    /** Whether {@code failures} out of {@code cohortSize} tenants exceed the budget. */
    public boolean exceededBy(int failures, int cohortSize) {
        int allowed = count != null ? count : cohortSize * percent / 100;
        return failures > allowed;
    }
}
