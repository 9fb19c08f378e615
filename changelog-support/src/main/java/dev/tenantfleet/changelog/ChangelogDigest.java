package dev.tenantfleet.changelog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;

/**
 * Identity of a changelog: {@code sha256:<hex>} of the UTF-8 lines {@code <filePath>::<id>::<author>::<checksum>\n},
 * one per changeset in changelog order, where {@code filePath} is the path Liquibase records in DATABASECHANGELOG
 * (the logical file path when one is set) and the checksum is Liquibase's (latest checksum version). Two workers with
 * the same digest apply exactly the same changesets with the same content; any edit, reorder, addition or removal
 * changes it.
 */
public final class ChangelogDigest {
    /** Prefix of every digest value. */
    public static final String PREFIX = "sha256:";

    private ChangelogDigest() {}

    /** One changeset as it enters the digest. */
    public record Entry(String filePath, String id, String author, String checksum) {
        public Entry {
            Objects.requireNonNull(filePath, "filePath");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(checksum, "checksum");
        }

        /** The entry of a parsed Liquibase changeset. */
        public static Entry of(ChangeSet changeSet) {
            return new Entry(
                    changeSet.getStoredFilePath(),
                    changeSet.getId(),
                    changeSet.getAuthor(),
                    changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
        }
    }

    /** The digest of the changesets, in the given (changelog) order. */
    public static String compute(List<Entry> entries) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (Entry entry : entries) {
            String line = entry.filePath() + "::" + entry.id() + "::" + entry.author() + "::" + entry.checksum() + "\n";
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return PREFIX + HexFormat.of().formatHex(sha256.digest());
    }

    /** The digest of parsed Liquibase changesets, in changelog order. */
    public static String ofChangeSets(List<ChangeSet> changeSets) {
        return compute(changeSets.stream().map(Entry::of).toList());
    }
}
