#!/usr/bin/env bash
# The floor under a verified no-op release on this machine: N tenant-like databases (a 33-row DATABASECHANGELOG each,
# as a CRM tenant at v1.4 has), then a new connection per database reading its history, first by pgbench (libpq,
# the cheapest client), then from Java with pgjdbc at 4 and 8 threads, interleaved. Drops everything it made.
# Usage: bench/fleet/history-floor/run.sh [N]   (N defaults to 1000; PGHOST/PGPORT as everywhere)
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-1000}
ROUNDS=${ROUNDS:-3}
RUN=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
PREFIX="tfh_${RUN}_"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}"
export PGHOST PGPORT
PSQL=(psql -X -q -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1)
JDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
OUT="results/$(date -u +%Y-%m-%dT%H%M)-N$N.txt"
mkdir -p results
WORK=$(mktemp -d)

cleanup() {
  { for i in $(seq -f %04g 1 "$N"); do echo "DROP DATABASE IF EXISTS ${PREFIX}$i;"; done
    echo "DROP DATABASE IF EXISTS ${PREFIX}template;"; } | "${PSQL[@]}" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

record() { echo "$*" | tee -a "$OUT"; }
{
  echo "# History-read floor, run $RUN, $(date -u +%FT%TZ)"
  echo "# command: bench/fleet/history-floor/run.sh $N  (ROUNDS=$ROUNDS)"
  echo "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GiB RAM"
  echo "# postgresql: $("${PSQL[@]}" -Atc 'SHOW server_version') max_connections $("${PSQL[@]}" -Atc 'SHOW max_connections') ssl $("${PSQL[@]}" -Atc 'SHOW ssl')"
  echo "# java: $(java -version 2>&1 | head -1); driver $(basename "$JDBC")"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

"${PSQL[@]}" -c "CREATE DATABASE ${PREFIX}template"
"${PSQL[@]}" -d "${PREFIX}template" <<'SQL'
CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL,
  dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35),
  description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255),
  labels varchar(255), deployment_id varchar(10));
INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, tag)
SELECT 'changeset-' || g, 'bench', 'db/changelog/crm.xml', now(), g, 'EXECUTED', '9:0123456789abcdef0123456789abcdef',
       CASE WHEN g % 8 = 1 THEN 'v1.' || (g / 8) END
FROM generate_series(1, 33) g;
SQL
for i in $(seq -f %04g 1 "$N"); do echo "CREATE DATABASE ${PREFIX}$i TEMPLATE ${PREFIX}template;"; done | "${PSQL[@]}"

cat > "$WORK/history.sql" <<'SQL'
SELECT to_regclass('databasechangelog') IS NOT NULL;
SELECT filename, id, author, md5sum, orderexecuted, tag FROM databasechangelog ORDER BY orderexecuted, dateexecuted;
SQL
# pgbench connects to one database per client; the per-database difference (relcache init file) is paid once per
# database, so one database is the optimistic floor for libpq.
for round in $(seq 1 "$ROUNDS"); do
  line=$(pgbench -n -C -c 4 -j 2 -t $((N / 4)) -f "$WORK/history.sql" -h "$PGHOST" -p "$PGPORT" -U postgres \
    "${PREFIX}0001" 2>&1 | grep -E '^tps' | sed 's/ (including reconnection times)//')
  record "pgbench.reads     clients=4 round=$round N=$N $line load1=$(cut -d' ' -f1 /proc/loadavg)"
  for threads in 4 8; do
    record "$(java -cp "$JDBC" HistoryReads.java "$PREFIX" "$N" "$threads" 1 | sed "s/round=1/round=$round/") load1=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "results: $OUT"
