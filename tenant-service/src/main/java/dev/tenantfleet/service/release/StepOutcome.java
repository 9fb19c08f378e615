package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseEvent;
import java.util.ArrayList;
import java.util.List;

/** What one release step decided: its effects in order, and the release-log lines its transitions wrote. */
final class StepOutcome {
    private final List<ReleaseEffect> effects = new ArrayList<>();
    private final ReleaseJournal journal = new ReleaseJournal();

    ReleaseJournal journal() {
        return journal;
    }

    void add(ReleaseEffect effect) {
        effects.add(effect);
    }

    void announce(ReleaseEvent event) {
        effects.add(new ReleaseEffect.Announce(event));
    }

    List<ReleaseEffect> effects() {
        return List.copyOf(effects);
    }

    /** The effects of one kind, in order (what the unit tests look at). */
    <T extends ReleaseEffect> List<T> effects(Class<T> kind) {
        return effects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
