package dev.tenantfleet.service.release;

import java.util.List;

/** Every tenant a release covers, in slug order, with the preflight's decision for each. */
record Targets(List<Target> all) {
    Targets {
        all = List.copyOf(all);
    }

    /** The tenants to dispatch. */
    List<Target> migrate() {
        return all.stream()
                .filter(target -> target.outcome() == Target.Outcome.MIGRATE)
                .toList();
    }

    /** The tenants settled before anything is dispatched: skipped, ahead, failed. */
    List<Target> settled() {
        return all.stream()
                .filter(target -> target.outcome() != Target.Outcome.MIGRATE)
                .toList();
    }

    long count(Target.Outcome outcome) {
        return all.stream().filter(target -> target.outcome() == outcome).count();
    }
}
