package dev.tenantfleet.changelog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import liquibase.ChecksumVersion;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.exception.UnsupportedChecksumVersionException;

/**
 * The changelog's side of checksum validation, as Liquibase does it: a stored checksum is compared with the
 * changeset's checksum computed with the stored value's checksum version (so rows written by an older Liquibase are
 * not reported as drift), honouring {@code <validCheckSum>}.
 */
final class ChangelogChecksums {
    private static final Set<String> ANY = Set.of("1:any", "1:all", "1:*");

    /** What the changelog says about one changeset's checksum. */
    record Facts(String current, Set<String> valid, boolean anyValid, boolean runAlways, boolean runOnChange) {}

    private final ChangelogLocation source;
    private final int currentVersion;
    private final Map<String, Facts> facts;
    private final Map<Integer, Map<String, String>> otherVersions = new ConcurrentHashMap<>();

    private ChangelogChecksums(ChangelogLocation source, int currentVersion, Map<String, Facts> facts) {
        this.source = source;
        this.currentVersion = currentVersion;
        this.facts = facts;
    }

    /** Computes the current checksums of {@code changeSets}; call inside a Liquibase scope with the PostgreSQL database. */
    static ChangelogChecksums of(ChangelogLocation source, List<ChangeSet> changeSets) {
        ChecksumVersion latest = ChecksumVersion.latest();
        Map<String, Facts> facts = new HashMap<>();
        for (ChangeSet changeSet : changeSets) {
            changeSet.clearCheckSum();
            Set<String> valid = changeSet.getValidCheckSums().stream()
                    .map(CheckSum::toString)
                    .collect(Collectors.toSet());
            boolean any = valid.stream().anyMatch(v -> ANY.contains(v.toLowerCase()));
            facts.put(
                    key(changeSet),
                    new Facts(
                            changeSet.generateCheckSum(latest).toString(),
                            valid,
                            any,
                            changeSet.isAlwaysRun(),
                            changeSet.isRunOnChange()));
            changeSet.clearCheckSum();
        }
        return new ChangelogChecksums(source, latest.getVersion(), Map.copyOf(facts));
    }

    /** The facts of the changeset {@code key}, or null when the changelog has no such changeset. */
    Facts facts(String key) {
        return facts.get(key);
    }

    /**
     * Why the stored checksum of {@code key} does not match the changelog, or null when it matches (or nothing was
     * stored, which Liquibase treats as valid). {@code key} must be in the changelog.
     */
    String mismatch(String key, String stored) {
        Facts known = facts.get(key);
        if (known.anyValid() || stored == null || stored.isBlank()) {
            return null;
        }
        CheckSum storedSum = CheckSum.parse(stored.trim());
        String computed;
        try {
            computed = checksum(key, storedSum.getVersion());
        } catch (UnsupportedChecksumVersionException e) {
            return "its stored checksum " + stored + " has a checksum version this Liquibase cannot compute";
        }
        if (computed == null
                || computed.equals(storedSum.toString())
                || known.valid().contains(computed)
                || known.valid().contains(storedSum.toString())) {
            return null;
        }
        return "its checksum changed: the database recorded " + stored + ", the changelog now gives " + computed;
    }

    private String checksum(String key, int version) {
        if (version == currentVersion) {
            return facts.get(key).current();
        }
        return otherVersions.computeIfAbsent(version, this::computeAll).get(key);
    }

    /** Checksums of another version, on a fresh parse: Liquibase caches one checksum per parsed changeset. */
    private Map<String, String> computeAll(int version) {
        ChecksumVersion checksumVersion = ChecksumVersion.enumFromChecksumVersion(version);
        List<ChangeSet> changeSets = source.parse().getChangeSets();
        try {
            return LiquibaseSupport.inScope(source.newResourceAccessor(), LiquibaseSupport.offlinePostgres(), () -> {
                Map<String, String> sums = new HashMap<>();
                for (ChangeSet changeSet : changeSets) {
                    sums.put(
                            key(changeSet),
                            changeSet.generateCheckSum(checksumVersion).toString());
                }
                return sums;
            });
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot compute checksum version " + version + " of changelog " + source.location() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String key(ChangeSet changeSet) {
        return ChangeSetInfo.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor());
    }
}
