#!/usr/bin/env python3
"""Summarises one bench/fleet/run.sh run: medians and spreads of the timed phases, ratios, and where a Tenant Fleet
release spends its time (from the release view, the release log and the migration-worker's log).

    analyze.py WORK_DIR REPEATS N CONCURRENCY RESULTS_FILE   (run.sh calls it; prints lines to append to RESULTS_FILE)

Reads RESULTS_FILE (the wall times) and, from WORK_DIR, release-<r>.json, release-<r>-log.json, rollback-<r>.json and
migration-worker.log. Times in the worker log are local time, the API's are UTC.
"""
import json
import re
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def api_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) .*? command ([0-9a-f-]{36}): (started|migrated|failed)"
                      r"(?:.* in (\d+) ms)?")


def worker_events(path):
    """command id -> {'started': epoch, 'migrated': epoch, 'ms': int} from the worker's INFO lines."""
    events = {}
    if not path.exists():
        return events
    for line in path.open(errors="replace"):
        m = LOG_LINE.match(line)
        if not m:
            continue
        at = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").astimezone().timestamp()
        entry = events.setdefault(m.group(2), {})
        entry[m.group(3)] = at
        if m.group(4):
            entry["ms"] = int(m.group(4))
    return events


def walls(results, key):
    """{run: wall seconds} of result lines '<key>.<run> wall_s=...'."""
    out = {}
    for line in results:
        m = re.match(re.escape(key) + r"\.(\d+)\s+wall_s=([\d.]+)", line)
        if m:
            out[int(m.group(1))] = float(m.group(2))
    return out


def fmt(x, digits=2):
    return f"{x:.{digits}f}"


def main():
    work, repeats, n, concurrency = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    results = Path(sys.argv[5]).read_text().splitlines()
    out = []

    # ---- per Tenant Fleet release: where the time goes
    events = worker_events(work / "migration-worker.log")
    phases = {}
    if (work / "phases.txt").exists():
        for line in (work / "phases.txt").read_text().splitlines():
            key, t0, t1 = line.split()
            phases[key] = (float(t0), float(t1))
    tf_walls = walls(results, "tf.release")
    for r in range(1, repeats + 1):
        path = work / f"release-{r}.json"
        if not path.exists():
            continue
        view = json.loads(path.read_text())
        log = json.loads((work / f"release-{r}-log.json").read_text()) if (work / f"release-{r}-log.json").exists() else []
        migrated = [t for t in view["tenants"] if t["state"] == "MIGRATED"]
        durations = [t["durationMillis"] / 1000 for t in migrated if t["durationMillis"] is not None]
        server = api_time(view["finishedAt"]) - api_time(view["startedAt"])
        wall = tf_walls.get(r, float("nan"))
        dispatched, settled = {}, {}
        for entry in log:
            if entry["event"] == "MIGRATING":
                m = re.search(r"command ([0-9a-f-]{36})", entry["details"] or "")
                dispatched[entry["slug"]] = (api_time(entry["at"]), m.group(1) if m else None)
            elif entry["event"] == "MIGRATED":
                settled[entry["slug"]] = api_time(entry["at"])
        queue, back, turnaround = [], [], []
        for slug, (at, command) in dispatched.items():
            ev = events.get(command or "", {})
            if "started" in ev:
                queue.append(ev["started"] - at)
            if "migrated" in ev and slug in settled:
                back.append(settled[slug] - ev["migrated"])
            if slug in settled:
                turnaround.append(settled[slug] - at)
        phase = phases.get(f"tf.release.{r}")
        if phase:
            before = api_time(view["createdAt"]) - phase[0]
            after = phase[1] - api_time(view["finishedAt"])
            out.append(f"tf.release.{r}.client     command_to_release_created_s={fmt(before)} "
                       f"release_finished_to_exit_s={fmt(after)} (tenantctl: JVM start, API check, broker, summary)")
        first_dispatch = min((at for at, _ in dispatched.values()), default=float("nan")) - api_time(view["startedAt"])
        busy = sum(durations)
        out.append(f"tf.release.{r}.where      wall_s={fmt(wall)} server_s={fmt(server)} (startedAt..finishedAt) "
                   f"client_overhead_s={fmt(wall - server)} (tenantctl start, connect, publish, summary) "
                   f"first_dispatch_after_s={fmt(first_dispatch)}")
        if durations:
            out.append(f"tf.release.{r}.worker     tenants={len(durations)} per_tenant_ms p50={pct(durations, 50) * 1000:.0f} "
                       f"p90={pct(durations, 90) * 1000:.0f} max={max(durations) * 1000:.0f} mean={statistics.mean(durations) * 1000:.0f} "
                       f"sum_s={fmt(busy, 1)} worker_slots_busy={busy / (concurrency * server) * 100:.0f}% "
                       f"(sum of per-tenant durations / ({concurrency} x server_s))")
        if turnaround:
            out.append(f"tf.release.{r}.pipeline   dispatch->worker_start_ms p50={pct(queue, 50) * 1000:.0f} p90={pct(queue, 90) * 1000:.0f} "
                       f"worker_end->result_recorded_ms p50={pct(back, 50) * 1000:.0f} p90={pct(back, 90) * 1000:.0f} "
                       f"dispatch->result_recorded_ms p50={pct(turnaround, 50) * 1000:.0f} "
                       f"mean_in_flight={sum(turnaround) / server:.2f} of {concurrency}")

    # ---- Tenant Fleet rollbacks (the reset between runs)
    for r in range(1, repeats + 1):
        path = work / f"rollback-{r}.json"
        if path.exists():
            view = json.loads(path.read_text())
            durations = [t["durationMillis"] / 1000 for t in view["tenants"] if t["state"] == "ROLLED_BACK" and t["durationMillis"]]
            if durations:
                out.append(f"tf.rollback.{r}.worker    tenants={len(durations)} per_tenant_ms p50={pct(durations, 50) * 1000:.0f} "
                           f"p90={pct(durations, 90) * 1000:.0f} sum_s={fmt(sum(durations), 1)}")

    # ---- summary: medians, spreads, ratios
    def summary(key, label, count):
        values = list(walls(results, key).values())
        if not values:
            return None
        med = statistics.median(values)
        out.append(f"summary.{label:<10} runs={len(values)} median_wall_s={fmt(med)} min_s={fmt(min(values))} "
                   f"max_s={fmt(max(values))} tenants_per_s={count / med:.1f}")
        return med

    # CPU milliseconds per tenant used by the processes an approach needs (Tenant Fleet: worker, tenant-service,
    # PostgreSQL, RabbitMQ, tenantctl; psql and the Liquibase loop: PostgreSQL and their client processes): a cost that
    # other work on the machine inflates far less than it inflates wall time.
    def cpu_per_tenant(key, label, count, parts=("cpu_worker_s", "cpu_service_s", "cpu_postgres_s", "cpu_rabbitmq_s",
                                                  "cpu_clients_s")):
        costs, others = [], []
        for line in results:
            if not re.match(re.escape(key) + r"(\.\d+)?\s+wall_s=", line):
                continue
            fields = dict(re.findall(r"(cpu_\w+)=(-?[\d.]+)", line))
            if "cpu_clients_s" not in fields:
                return
            own = sum(float(fields[k]) for k in parts)
            costs.append(own / count * 1000)
            others.append(float(fields["cpu_other_s"]))
        if costs:
            out.append(f"summary.cpu.{label:<6} own_cpu_ms_per_tenant median={statistics.median(costs):.0f} "
                       f"min={min(costs):.0f} max={max(costs):.0f} (other work on the machine meanwhile: "
                       f"{', '.join(f'{o:.0f}' for o in others)} cpu s)")

    cpu_per_tenant("tf.release", "tf", n)
    cpu_per_tenant("psql.update", "psql", n, ("cpu_postgres_s", "cpu_clients_s"))
    lb_n = next((int(m.group(1)) for m in (re.match(r"lbloop\.update\s+wall_s=\S+\s+N=(\d+)", l) for l in results) if m), 0)
    if lb_n:
        cpu_per_tenant("lbloop.update", "lbloop", lb_n, ("cpu_postgres_s", "cpu_clients_s"))
    tf = summary("tf.release", "tf", n)
    psql = summary("psql.update", "psql", n)
    noop = summary("tf.noop", "noop", n)
    summary("tf.rollback", "tf_rollback", n)
    summary("psql.rollback", "psql_reset", n)
    lb = None
    for line in results:
        m = re.match(r"lbloop\.extrapolated\s+per_tenant_s=([\d.]+) extrapolated_wall_s=([\d.]+)", line)
        if m:
            lb = float(m.group(2))
    if lb:
        out.append(f"summary.lbloop     extrapolated_wall_s={fmt(lb, 1)} for N={n} tenants_per_s={n / lb:.1f}")
    if tf and psql:
        out.append(f"summary.ratio      tf/psql={tf / psql:.2f} (target <= 1.5)" +
                   (f" lbloop/tf={lb / tf:.1f} (target >= 10)" if lb else "") +
                   (f" lbloop/psql={lb / psql:.1f}" if lb else ""))
    for line in results:
        if line.startswith("memory"):
            m = re.search(r"worker_peak_rss_mb_during_releases=(\d+)", line)
            if m:
                out.append(f"summary.memory     worker_peak_rss_mb_during_releases={m.group(1)} (target < 300)")
    print("\n".join(out))


if __name__ == "__main__":
    main()
