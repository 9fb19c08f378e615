#!/usr/bin/env python3
"""Where a JVM's CPU went during the timed Tenant Fleet releases of a bench/fleet/run.sh run.

    profile.py WORK_DIR [JFR_FILE]     (default WORK_DIR/worker.jfr, recorded with WORKER_JFR=1)

Reads the JFR execution samples (`jfr print --json`, JDK 17), keeps those taken inside the tf.release.<r> phases
(WORK_DIR/phases.txt) on the threads that do the work, and prints the share of samples whose stack contains each of a
few methods (inclusive: shares overlap), then the hottest frames of the application's own code and of Liquibase.
"""
import collections
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

# (label, substring of a frame "package.Class.method"): inclusive shares, most general first.
MARKERS = [
    ("a Liquibase command (CommandScope.execute)", "liquibase.command.CommandScope.execute"),
    ("  changelog step: parse + history table checks (DatabaseChangelogCommandStep.run)", "DatabaseChangelogCommandStep.run"),
    ("    changelog parse (DatabaseChangelogCommandStep.getDatabaseChangeLog)", "DatabaseChangelogCommandStep.getDatabaseChangeLog"),
    ("      XML parsing and XSD validation (SAXParser.parse)", "SAXParserImpl$JAXPSAXParser.parse"),
    ("  changelog validation (DatabaseChangeLog.validate)", "liquibase.changelog.DatabaseChangeLog.validate"),
    ("  checksums (ChangeSet.generateCheckSum)", "liquibase.changelog.ChangeSet.generateCheckSum"),
    ("  running changesets (UpdateVisitor.visit)", "liquibase.changelog.visitor.UpdateVisitor.visit"),
    ("  SQL generation (SqlGeneratorFactory)", "liquibase.sqlgenerator.SqlGeneratorFactory"),
    ("  configuration lookups (LiquibaseConfiguration.getCurrentConfiguredValue)", "LiquibaseConfiguration.getCurrentConfiguredValue"),
    ("JDBC driver (org.postgresql)", "org.postgresql."),
    ("reading history outside Liquibase (TenantHistory.read)", "dev.tenantfleet.changelog.TenantHistory.read"),
    ("tenant-service: ReleaseOrchestrator.advance", "dev.tenantfleet.service.release.ReleaseOrchestrator.advance"),
    ("tenant-service: ReleaseResultHandler.apply", "dev.tenantfleet.service.release.ReleaseResultHandler.apply"),
    ("tenant-service: outbox relay", "dev.tenantfleet.service.outbox."),
    ("Hibernate (org.hibernate)", "org.hibernate."),
    ("JSON (com.fasterxml.jackson)", "com.fasterxml.jackson."),
]


def frames(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in event["values"]["stackTrace"]["frames"]]


def main():
    work = Path(sys.argv[1])
    jfr = Path(sys.argv[2]) if len(sys.argv) > 2 else work / "worker.jfr"
    windows = []
    for line in (work / "phases.txt").read_text().splitlines():
        key, t0, t1 = line.split()
        if key.startswith("tf.release."):
            windows.append((float(t0), float(t1)))
    dump = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", str(jfr)],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(dump)["recording"]["events"]
    picked = []
    for e in events:
        at = datetime.fromisoformat(e["values"]["startTime"]).timestamp()
        if any(t0 <= at <= t1 for t0, t1 in windows):
            picked.append(e)
    threads = collections.Counter(e["values"]["sampledThread"]["javaName"].rstrip("0123456789-") for e in picked)
    print(f"{jfr.name}: {len(picked)} execution samples inside {len(windows)} timed release(s); by thread: "
          + ", ".join(f"{t} {c}" for t, c in threads.most_common(6)))
    n = len(picked) or 1
    stacks = [frames(e) for e in picked]
    for label, marker in MARKERS:
        hits = sum(1 for fr in stacks if any(marker in f for f in fr))
        if hits:
            print(f"  {hits / n * 100:5.1f}%  {label}")
    for prefix in ("dev.tenantfleet.", "liquibase."):
        top = collections.Counter()
        for fr in stacks:
            own = next((f for f in fr if f.startswith(prefix)), None)
            if own:
                top[own] += 1
        print(f"  innermost {prefix}* frame, top 8:")
        for frame, count in top.most_common(8):
            print(f"  {count / n * 100:5.1f}%    {frame}")


if __name__ == "__main__":
    main()
