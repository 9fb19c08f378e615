package dev.tenantfleet.changelog;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/** Describes parsed Liquibase changesets as {@link ChangeSetInfo}s, lint included. */
final class ChangeSetInfos {

    private ChangeSetInfos() {}

    /** The infos of {@code changeSets}, in order; call inside a Liquibase scope that can read the changelog's files. */
    static List<ChangeSetInfo> of(List<ChangeSet> changeSets, Database postgres) {
        SafetyLint lint = new SafetyLint();
        List<ChangeSetInfo> infos = new ArrayList<>(changeSets.size());
        for (ChangeSet changeSet : changeSets) {
            String key = ChangeSetInfo.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor());
            String tag = tagOf(changeSet);
            boolean rollback = changeSet.supportsRollback(postgres);
            infos.add(new ChangeSetInfo(
                    key,
                    changeSet.getId(),
                    changeSet.getAuthor(),
                    changeSet.getStoredFilePath(),
                    changeSet.isRunInTransaction(),
                    rollback,
                    tag,
                    lint.inspect(changeSet, key, rollback, tag)));
        }
        return infos;
    }

    /** The tag a {@code tagDatabase} changeset sets, else null. */
    static String tagOf(ChangeSet changeSet) {
        for (Change change : changeSet.getChanges()) {
            if (change instanceof TagDatabaseChange tag && tag.getTag() != null) {
                return tag.getTag();
            }
        }
        return null;
    }
}
