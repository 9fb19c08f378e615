#!/usr/bin/env bash
# Fleet release benchmark (issue 3, "Performance"): see bench/README.md.
#
#   bench/fleet/run.sh [N]          N tenant databases (default 1000)
#
# Provisions N tenants through tenant-service from the example CRM changelog at v1.3, then times the v1.3 -> v1.4
# migration of every tenant three ways, each starting from the same state (every tenant at v1.3, checked):
#   tf      Tenant Fleet: `tenantctl release migrate --target v1.4 --concurrency C --wait`, from the command to its
#           final summary (reset: `tenantctl release rollback ID --wait`, itself timed)
#   psql    the floor: the SQL Liquibase generates for v1.3 -> v1.4 (update-to-tag-sql, DATABASECHANGELOG bookkeeping
#           included), applied with `psql -1` to every database, 2 x cores in parallel (reset: the rollback-sql)
#   lbloop  the common baseline: a sequential loop running the stock Liquibase CLI `update-to-tag` once per tenant,
#           over the first LB_SAMPLE tenants (extrapolated linearly to N when LB_SAMPLE < N)
# plus a no-op release (every tenant already at v1.4) and the migration-worker's resident memory.
#
# Environment knobs (defaults in brackets):
#   REPEATS [3]                  timed repetitions of the tf release, no-op release and psql floor (interleaved)
#   LB_SAMPLE [min(N,100)]       tenants the sequential Liquibase CLI loop runs over (0: skip it)
#   CONCURRENCY [2 x nproc]      tenants at once: release --concurrency, worker concurrency, server cap, psql -P
#   PROVISIONING_CONCURRENCY [4] tenant-service provisioning threads
#   WORKER_JAVA_OPTS, SERVICE_JAVA_OPTS [none]   extra JVM options (e.g. WORKER_JAVA_OPTS=-Xmx256m)
#   WORKER_JFR [0]               1: record a JFR CPU profile of the worker (jfr file kept in the work dir)
#   PROBE [1]                    0: skip the untimed probe of Liquibase's per-command cost (probe/LiquibaseCost.java)
#   BUILD [0]                    1: build the services and tenantctl first (./mvnw -B -q package -DskipTests)
#   ONLY_NOOP [0]                1: provision at v1.4 and time only no-op releases (every history read, nothing to do)
#   CACHED_SERVICE_DIR [none]    with ONLY_NOOP=1: a tenant-service quarkus-app directory built before releases read
#                                every history (commit 74acb09: skipped on the registry's cached head), timed
#                                interleaved with the current build as the "cached" contender
#   PGHOST/PGPORT [127.0.0.1/5432], user postgres with trust authentication; RabbitMQ guest/guest on 127.0.0.1:5672
#
# Everything it creates is named tfb_<run id>... (tenant databases and roles, the control database, a RabbitMQ
# vhost so no other worker on the broker can take its commands) and dropped on exit, also on failure or Ctrl-C.
# Raw figures go to bench/fleet/results/<date>-N<n>.txt; logs and JSON stay in the work dir it prints.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

N=${1:-1000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]   (N: number of tenants, default 1000)" >&2; exit 64; }
CORES=$(nproc)
REPEATS=${REPEATS:-3}
LB_SAMPLE=${LB_SAMPLE:-$(( N < 100 ? N : 100 ))}
(( LB_SAMPLE > N )) && LB_SAMPLE=$N
CONCURRENCY=${CONCURRENCY:-$(( 2 * CORES ))}
PROVISIONING_CONCURRENCY=${PROVISIONING_CONCURRENCY:-4}
WORKER_JAVA_OPTS=${WORKER_JAVA_OPTS:-}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
WORKER_JFR=${WORKER_JFR:-0}
ONLY_NOOP=${ONLY_NOOP:-0}
CACHED_SERVICE_DIR=${CACHED_SERVICE_DIR:-}
[[ -z $CACHED_SERVICE_DIR || $ONLY_NOOP == 1 ]] || { echo "CACHED_SERVICE_DIR needs ONLY_NOOP=1" >&2; exit 64; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export RABBITMQ_HOST=${RABBITMQ_HOST:-127.0.0.1} RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
FROM_TAG=v1.3
TO_TAG=v1.4
PROVISION_TAG=$FROM_TAG
(( ONLY_NOOP )) && PROVISION_TAG=$TO_TAG
CHANGELOG_SEARCH_PATH=$ROOT/examples/crm-changelog/src/main/resources
CHANGELOG_FILE=crm-changelog/db.changelog-master.xml

RUN_ID=$(head -c 4096 /dev/urandom | tr -dc 'a-z0-9' | head -c 5)
NAME=tfb_$RUN_ID                       # control database and RabbitMQ vhost
SLUG_PREFIX=b$RUN_ID                   # tenant slugs b<run>-0001 ...: databases tfb_b<run>_0001, roles ..._owner
W=${TFB_WORK:-/tmp/tfb-$RUN_ID}        # logs, JSON, generated SQL
mkdir -p "$W" "$HERE/results"
RESULTS=$HERE/results/$(date -u +%Y-%m-%d)-N$N.txt
[[ -e $RESULTS ]] && RESULTS=$HERE/results/$(date -u +%Y-%m-%dT%H%M)-N$N.txt

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT")
SERVICE_PID="" WORKER_PID="" SAMPLER_PID="" CHILD_PID="" VHOST_CREATED=0 CONTROL_CREATED=0

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$W/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }
record() { printf '%s\n' "$*" >> "$RESULTS"; }
now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
admin() { "${PSQL[@]}" -U postgres -d "${2:-postgres}" -tA -c "$1"; }
control() { admin "$1" "$NAME"; }

# ---------------------------------------------------------------------------------------------------------- cleanup
stop_pid() { # pid name: SIGTERM, up to 60 s (the worker lets running migrations finish), then SIGKILL
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "$2 did not stop in 60 s: SIGKILL"; kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM   # finish the cleanup even if signalled again: nothing may be left behind
  set +e
  if [[ -n $CHILD_PID ]]; then # a step still running (interrupted): it and what it started
    pkill -TERM -P "$CHILD_PID" 2>/dev/null; kill "$CHILD_PID" 2>/dev/null; wait "$CHILD_PID" 2>/dev/null
  fi
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null
  stop_pid "$SERVICE_PID" tenant-service
  stop_pid "$WORKER_PID" migration-worker
  log "cleanup: dropping the tenant databases and roles of run $RUN_ID, the control database and the vhost"
  {
    admin "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE);', datname) FROM pg_database
           WHERE datname LIKE 'tfb\_${SLUG_PREFIX}\_%' ORDER BY 1"
    admin "SELECT format('DROP ROLE IF EXISTS %I;', rolname) FROM pg_roles
           WHERE rolname LIKE 'tfb\_${SLUG_PREFIX}\_%' ORDER BY 1"
    (( CONTROL_CREATED )) && echo "DROP DATABASE IF EXISTS \"$NAME\" WITH (FORCE);"
  } > "$W/drop.sql"
  "${PSQL[@]}" -U postgres -d postgres -f "$W/drop.sql" >/dev/null || log "cleanup: some drops failed (see above)"
  (( VHOST_CREATED )) && { rabbitmqctl -q delete_vhost "$NAME" >/dev/null || log "cleanup: could not delete vhost $NAME"; }
  rm -rf "$W/dist"
  log "logs and JSON of this run: $W"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------- checks
for tool in psql python3 curl rabbitmqctl unzip jcmd; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "PostgreSQL is not answering on $PGHOST:$PGPORT (see DEVELOPERS.md)"
rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1 || die "RabbitMQ is not running (see DEVELOPERS.md)"
if [[ ${BUILD:-0} == 1 ]]; then
  log "building (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
for jar in migration-worker/target/quarkus-app/quarkus-run.jar tenant-service/target/quarkus-app/quarkus-run.jar \
           tenantctl/target/tenantctl.jar; do
  [[ -f $ROOT/$jar ]] || die "$jar is missing: build first (cd $ROOT && ./mvnw -B -q package -DskipTests, or BUILD=1)"
done
# Run private copies: a rebuild in the working tree during the run must not pull files from under the services.
mkdir -p "$W/dist/bin" "$W/dist/target"
cp -r "$ROOT/migration-worker/target/quarkus-app" "$W/dist/migration-worker"
cp -r "$ROOT/tenant-service/target/quarkus-app" "$W/dist/tenant-service"
if [[ -n $CACHED_SERVICE_DIR ]]; then
  [[ -f $CACHED_SERVICE_DIR/quarkus-run.jar ]] || die "CACHED_SERVICE_DIR has no quarkus-run.jar: $CACHED_SERVICE_DIR"
  cp -r "$CACHED_SERVICE_DIR" "$W/dist/tenant-service-cached"
fi
cp "$ROOT/tenantctl/bin/tenantctl" "$W/dist/bin/tenantctl"
cp "$ROOT/tenantctl/target/tenantctl.jar" "$W/dist/target/tenantctl.jar"
# A build's identity: the hash of the jar's contents (not of the jar file, which changes with every rebuild).
build_id() { echo "$(unzip -p "$1" | sha256sum | cut -c1-12) (built $(date -u -r "$1" +%Y-%m-%dT%H:%MZ))"; }
log "run $RUN_ID: N=$N, repeats $REPEATS, concurrency $CONCURRENCY, Liquibase CLI loop over $LB_SAMPLE tenants; work dir $W"

# The stock Liquibase command line: liquibase-core + runtime dependencies + picocli + the PostgreSQL driver.
(cd "$ROOT" && { ./mvnw -B -q -o -f bench/fleet/liquibase-cli/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$W/liquibase.classpath" -Dmdep.includeScope=runtime >"$W/mvn-liquibase-cli.log" 2>&1 \
  || ./mvnw -B -q -f bench/fleet/liquibase-cli/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$W/liquibase.classpath" -Dmdep.includeScope=runtime >>"$W/mvn-liquibase-cli.log" 2>&1; }) \
  || die "could not resolve the Liquibase CLI classpath (see $W/mvn-liquibase-cli.log)"
LB_CP=$(cat "$W/liquibase.classpath")
liquibase() { # db role args...: the stock Liquibase CLI against one tenant database, as its owner role
  local db=$1 role=$2; shift 2
  java -cp "$LB_CP" liquibase.integration.commandline.LiquibaseCommandLine \
    --url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --username="$role" \
    --search-path="$CHANGELOG_SEARCH_PATH" --changelog-file="$CHANGELOG_FILE" \
    --show-banner=false --analytics-enabled=false --log-level=WARNING "$@"
}

# ---------------------------------------------------------------------------------------------------------- machine
{
  echo "# Fleet release benchmark, run $RUN_ID, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# command: bench/fleet/run.sh $N  (REPEATS=$REPEATS LB_SAMPLE=$LB_SAMPLE CONCURRENCY=$CONCURRENCY PROVISIONING_CONCURRENCY=$PROVISIONING_CONCURRENCY WORKER_JAVA_OPTS='$WORKER_JAVA_OPTS' WORKER_JFR=$WORKER_JFR)"
  echo "# machine: $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
  echo "# java: $(java -version 2>&1 | head -1); $(java -version 2>&1 | sed -n 3p)"
  echo "# postgresql: $(admin 'SHOW server_version'); max_connections $(admin 'SHOW max_connections'), shared_buffers $(admin 'SHOW shared_buffers'), fsync $(admin 'SHOW fsync'), synchronous_commit $(admin 'SHOW synchronous_commit')"
  echo "# rabbitmq: $(rabbitmqctl -q version 2>/dev/null | tail -1)"
  echo "# liquibase CLI: $(tr ':' '\n' < "$W/liquibase.classpath" | sed -n 's#.*/\(liquibase-core-[^/]*\)\.jar#\1#p;s#.*/\(postgresql-[^/]*\)\.jar#\1#p' | paste -sd' ')"
  echo "# builds (sha256 of the jar contents): migration-worker $(build_id "$W/dist/migration-worker/app/migration-worker-0.1.0-SNAPSHOT.jar"), tenant-service $(build_id "$W/dist/tenant-service/app/tenant-service-0.1.0-SNAPSHOT.jar"), tenantctl $(build_id "$W/dist/target/tenantctl.jar")"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# figures: wall seconds; tenants/s = N / wall; cpu_* = CPU seconds used during the phase: machine = every process"
  echo "#   on it, postgres = postmaster + its backends, clients = what the phase ran (tenantctl, psql, Liquibase CLI),"
  echo "#   other = the rest of the machine's CPU (work this benchmark did not start: a quiet machine shows about 0)"
} > "$RESULTS"

# ---------------------------------------------------------------------------------------------------------- phases
# Each timed phase records its wall time and the CPU seconds used meanwhile by the whole machine, the worker,
# tenant-service, PostgreSQL, RabbitMQ, the clients the phase ran, and the rest (see the results header).
CLK_TCK=$(getconf CLK_TCK)
proc_ticks() { local f; [[ -n $1 && -r /proc/$1/stat ]] || { echo 0; return; }; read -r -a f < "/proc/$1/stat"; echo $(( f[13] + f[14] )); }
machine_ticks() { local cpu u n s i w irq sirq st rest; read -r cpu u n s i w irq sirq st rest < /proc/stat; echo $(( u + n + s + irq + sirq + st )); }
# PostgreSQL: the postmaster's own time + what its reaped backends used (cutime/cstime) + its living backends.
PG_PID=$(head -1 "$(admin 'SHOW data_directory')/postmaster.pid" 2>/dev/null || echo "")
RABBIT_PID=$(pgrep -o -x beam.smp || echo "")
postgres_ticks() {
  [[ -n $PG_PID && -r /proc/$PG_PID/stat ]] || { echo 0; return; }
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$PG_PID" '{ pid = $1; sub(/^.*\) /, "")   # fields from state on
    if (pid == pm) s += $12 + $13 + $14 + $15; else if ($2 == pm) s += $12 + $13 } END { print s + 0 }' 
}
PHASE_T0="" PHASE_CPU0=()
# The clients a phase runs (tenantctl, psql, the Liquibase CLI) are reaped by this shell within the phase: their CPU
# is the change in this shell's cutime + cstime. What is left of the machine's CPU is other work on the machine.
own_children_ticks() { local f; read -r -a f < "/proc/$$/stat"; echo $(( f[15] + f[16] )); }
cpu_now() { echo "$(machine_ticks) $(proc_ticks "$WORKER_PID") $(proc_ticks "$SERVICE_PID") $(postgres_ticks) $(proc_ticks "$RABBIT_PID") $(own_children_ticks)"; }
phase_start() { # name
  echo "$1" > "$W/phase"
  read -r -a PHASE_CPU0 <<< "$(cpu_now)"
  PHASE_T0=$(now)
}
phase_end() { # record-key extra-fields...: prints the wall seconds on stdout
  local t1 wall key=$1; shift
  t1=$(now); wall=$(secs "$PHASE_T0" "$t1")
  echo "$key $PHASE_T0 $t1" >> "$W/phases.txt"
  local cpu
  cpu=$(echo "${PHASE_CPU0[*]} $(cpu_now)" | awk -v t="$CLK_TCK" '{
    m = $7 - $1; w = $8 - $2; s = $9 - $3; p = $10 - $4; r = $11 - $5; c = $12 - $6
    printf "cpu_machine_s=%.1f cpu_worker_s=%.1f cpu_service_s=%.1f cpu_postgres_s=%.1f cpu_rabbitmq_s=%.1f cpu_clients_s=%.1f cpu_other_s=%.1f",
      m / t, w / t, s / t, p / t, r / t, c / t, (m - w - s - p - r - c) / t }')
  record "$(printf '%-22s wall_s=%-8s %s %s load1=%s' "$key" "$wall" "$*" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)")"
  echo idle > "$W/phase"
  echo "$wall"
}
# Runs a step in the background and waits for it, so that a signal interrupts the wait (bash runs traps only
# between foreground commands) and the cleanup can stop the step.
step() { local rc=0; "$@" & CHILD_PID=$!; wait "$CHILD_PID" || rc=$?; CHILD_PID=""; return "$rc"; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }

# ---------------------------------------------------------------------------------------------------------- services
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TOKEN="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
KEYS="bench-1:$(head -c 32 /dev/urandom | base64)"
SERVICE_PORT=$(free_port)
WORKER_PORT=$(free_port)
API="http://127.0.0.1:$SERVICE_PORT/api"

rabbitmqctl -q add_vhost "$NAME" >/dev/null && VHOST_CREATED=1
rabbitmqctl -q set_permissions -p "$NAME" "${RABBITMQ_USERNAME:-guest}" '.*' '.*' '.*' >/dev/null
admin "CREATE DATABASE \"$NAME\"" >/dev/null && CONTROL_CREATED=1

common_env=(TENANTFLEET_KEYS="$KEYS" RABBITMQ_VIRTUAL_HOST="$NAME" RABBITMQ_HOST="$RABBITMQ_HOST" RABBITMQ_PORT="$RABBITMQ_PORT")
await_health() { # port name pid
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/api/health" >/dev/null && return 0
    kill -0 "$3" 2>/dev/null || die "$2 exited during start-up; see $W/$2.log"
    sleep 0.5
  done
  die "$2 not healthy after 120 s; see $W/$2.log"
}
jfr_opts=()
[[ $WORKER_JFR == 1 ]] && jfr_opts=("-XX:StartFlightRecording=filename=$W/worker.jfr,settings=profile,dumponexit=true")
# shellcheck disable=SC2086 # the *_JAVA_OPTS are word lists
env "${common_env[@]}" QUARKUS_HTTP_PORT="$WORKER_PORT" TENANTFLEET_MIGRATION_CONCURRENCY="$CONCURRENCY" \
  java $WORKER_JAVA_OPTS "${jfr_opts[@]}" -jar "$W/dist/migration-worker/quarkus-run.jar" \
  > "$W/migration-worker.log" 2>&1 &
WORKER_PID=$!
await_health "$WORKER_PORT" migration-worker "$WORKER_PID"      # first: it declares the command queue
start_service() { # build-dir log-name: (re)starts tenant-service from that build on the same control database
  stop_pid "$SERVICE_PID" tenant-service
  # shellcheck disable=SC2086
  env "${common_env[@]}" QUARKUS_HTTP_PORT="$SERVICE_PORT" SYSTEM_API_TOKEN="$TOKEN" CONTROL_DB_NAME="$NAME" \
    TENANTFLEET_PROVISIONING_NAME_PREFIX=tfb_ TENANTFLEET_PROVISIONING_TARGET_TAG="$PROVISION_TAG" \
    TENANTFLEET_PROVISIONING_CONCURRENCY="$PROVISIONING_CONCURRENCY" TENANTFLEET_DEFAULT_SERVER_CONCURRENCY_CAP="$CONCURRENCY" \
    java $SERVICE_JAVA_OPTS -jar "$1/quarkus-run.jar" >> "$W/$2.log" 2>&1 &
  SERVICE_PID=$!
  echo "$SERVICE_PID" > "$W/service.pid"
  await_health "$SERVICE_PORT" "$2" "$SERVICE_PID"
}
start_service "$W/dist/tenant-service" tenant-service
log "migration-worker (pid $WORKER_PID, :$WORKER_PORT) and tenant-service (pid $SERVICE_PID, :$SERVICE_PORT) up, vhost $NAME"
record "worker_rss_at_start     rss_mb=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$WORKER_PID/status")"

# Resident memory of both services every 0.5 s, tagged with the phase running: epoch worker_kb service_kb phase.
echo setup > "$W/phase"
(
  while kill -0 "$WORKER_PID" 2>/dev/null; do
    wr=$(awk '/VmRSS/ {print $2}' "/proc/$WORKER_PID/status" 2>/dev/null || echo 0)
    sr=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$W/service.pid")/status" 2>/dev/null || echo 0)
    echo "$EPOCHREALTIME $wr $sr $(cat "$W/phase")"
    sleep 0.5
  done
) > "$W/rss.txt" 2>/dev/null &
SAMPLER_PID=$!

tenantctl() {
  TENANTFLEET_URL="http://127.0.0.1:$SERVICE_PORT" SYSTEM_API_TOKEN="$TOKEN" TENANTFLEET_ACTOR=bench \
    RABBITMQ_VIRTUAL_HOST="$NAME" "$W/dist/bin/tenantctl" "$@"
}
api_get() { curl -sf -H "Authorization: Bearer $TOKEN" "$API/$1"; }
release_json_field() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"r": v}))' "$@"; }

# ---------------------------------------------------------------------------------------------------------- checks of state
# Reads every tenant database (CONCURRENCY psql sessions, \connect per tenant): changesets applied, newest tag, whether
# the v1.4 column contacts.full_name exists, the Liquibase lock row. Fails unless every tenant agrees with the expectation.
declare -A EXPECT_COUNT=([v1.3]=23 [v1.4]=33)
verify_heads() { # tag label [tenants-file]
  local tag=$1 label=$2 file=${3:-$W/tenants.txt} want_col=0 n
  [[ $tag == "$TO_TAG" ]] && want_col=1
  n=$(wc -l < "$file")
  rm -f "$W"/verify-*.sql "$W"/verify-*.out
  awk -v parts="$CONCURRENCY" -v dir="$W" '{ printf "\\connect %s\nSELECT current_database(), count(*), (SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC LIMIT 1), (SELECT count(*) FROM information_schema.columns WHERE table_schema = '"'"'public'"'"' AND table_name = '"'"'contacts'"'"' AND column_name = '"'"'full_name'"'"'), (SELECT count(*) FROM databasechangeloglock WHERE locked) FROM databasechangelog;\n", $1 > (dir "/verify-" (NR % parts) ".sql") }' \
    "$file"
  local part pids=()
  for part in "$W"/verify-*.sql; do
    "${PSQL[@]}" -U postgres -d postgres -tA -F' ' -f "$part" > "${part%.sql}.out" & pids+=($!)
  done
  for part in "${pids[@]}"; do wait "$part" || die "reading the tenant databases failed after $label"; done
  sort "$W"/verify-*.out > "$W/verify.out"
  local summary
  summary=$(awk '{ print $2, $3, "full_name=" $4, "locked=" $5 }' "$W/verify.out" | sort | uniq -c | sed 's/^ *//' | paste -sd';')
  local good
  good=$(awk -v c="${EXPECT_COUNT[$tag]}" -v t="$tag" -v f="$want_col" '$2 == c && $3 == t && $4 == f && $5 == 0' "$W/verify.out" | wc -l)
  record "$(printf '%-22s %s' "check.$label" "$good/$n at $tag ($summary); sample: $(head -1 "$W/verify.out")")"
  (( good == n )) || die "after $label: only $good of $n tenants at $tag with the expected history ($summary)"
  log "check after $label: $good/$n tenants at $tag"
}
verify_registry() { # tag label: tenant-service's registry (schema heads it plans releases from)
  local heads
  heads=$(control "SELECT coalesce(schema_head, '-') || ':' || count(*) FROM tenant WHERE status = 'ACTIVE' GROUP BY schema_head" | paste -sd' ')
  [[ $heads == "$1:$N" ]] || die "after $2: registry heads are '$heads', expected $1:$N"
}

# ---------------------------------------------------------------------------------------------------------- provisioning
log "provisioning $N tenants at $PROVISION_TAG through tenant-service (provisioning concurrency $PROVISIONING_CONCURRENCY, worker concurrency $CONCURRENCY)"
phase_start provision
PROVISION_PY=$(cat <<'PY'
import json, sys, urllib.request
api, token, prefix, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for i in range(1, n + 1):
    slug = f"{prefix}-{i:04d}"
    body = json.dumps({"slug": slug, "name": f"Bench tenant {i}"}).encode()
    req = urllib.request.Request(api + "/tenants", body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "X-Tenantfleet-Actor": "bench"})
    with urllib.request.urlopen(req) as resp:
        if resp.status != 202:
            sys.exit(f"POST /api/tenants {slug}: HTTP {resp.status}")
PY
)
step python3 -c "$PROVISION_PY" "$API" "$TOKEN" "$SLUG_PREFIX" "$N"
posted=$(secs "$PHASE_T0" "$(now)")
deadline=$(( SECONDS + 600 + 2 * N ))
while :; do
  counts=$(control "SELECT status || '=' || count(*) FROM tenant GROUP BY status ORDER BY status" | paste -sd' ')
  active=$(control "SELECT count(*) FROM tenant WHERE status = 'ACTIVE'")
  (( active == N )) && break
  [[ $counts == *FAILED* ]] && die "provisioning failed: $counts; $(control "SELECT slug, failure_code, failure_reason FROM tenant WHERE failure_code IS NOT NULL LIMIT 3")"
  (( SECONDS > deadline )) && die "provisioning did not finish in time: $counts"
  sleep 1
done
wall=$(phase_end provision "N=$N posted_s=$posted")
log "provisioned $N tenants in $wall s ($(per_s "$N" "$wall") tenants/s)"
control "SELECT database_name, role_name, slug FROM tenant ORDER BY slug" | tr '|' ' ' > "$W/tenants.txt"
verify_heads "$PROVISION_TAG" provision
verify_registry "$PROVISION_TAG" provision
read -r DB1 ROLE1 _ < "$W/tenants.txt"

# ---------------------------------------------------------------------------------------------------------- no-op only
# Every tenant at the target: what a release costs when there is nothing to do. The current build reads every
# tenant's history before deciding; the cached contender (CACHED_SERVICE_DIR) skipped on the registry's head. Each
# contender is restarted on the same control database and warmed with one untimed no-op, in alternating order.
if (( ONLY_NOOP )); then
  noop_release() { # record-key
    local rc=0 wall
    phase_start "$1"
    step tenantctl release migrate --target "$TO_TAG" --concurrency "$CONCURRENCY" --wait --json "$W/$1.json" \
      > "$W/tenantctl-$1.log" 2>&1 || rc=$?
    wall=$(phase_end "$1" "N=$N exit=$rc $(release_json_field "$W/$1.json" \
      '"skipped=%d/%d server_s=%.2f" % (r["counts"]["skipped"], r["counts"]["total"], __import__("datetime").datetime.fromisoformat(r["finishedAt"][:-1]).timestamp() - __import__("datetime").datetime.fromisoformat(r["startedAt"][:-1]).timestamp())')")
    (( rc == 0 )) || die "no-op release exited $rc; see $W/tenantctl-$1.log"
    log "$1: $wall s"
  }
  contenders=(verified)
  [[ -n $CACHED_SERVICE_DIR ]] && contenders=(verified cached)
  for r in $(seq 1 "$REPEATS"); do
    order=("${contenders[@]}")
    (( r % 2 == 0 )) && mapfile -t order < <(printf '%s\n' "${contenders[@]}" | tac)
    for c in "${order[@]}"; do
      if [[ $c == verified ]]; then start_service "$W/dist/tenant-service" tenant-service
      else start_service "$W/dist/tenant-service-cached" tenant-service-cached; fi
      noop_release "tf.noop.$c.warmup.$r"
      noop_release "tf.noop.$c.$r"
    done
  done
  for c in "${contenders[@]}"; do
    walls=$(awk -v c="$c" '$1 == "tf.noop." c "." substr($1, length("tf.noop." c ".") + 1) && $1 !~ /warmup/ {
      for (i = 2; i <= NF; i++) if ($i ~ /^wall_s=/) print substr($i, 8) }' "$RESULTS" | sort -n)
    record "$(printf '%-22s %s median_wall_s=%s runs=%s' noop.summary "$c" \
      "$(echo "$walls" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" "$(echo "$walls" | paste -sd,)")"
  done
  log "results: $RESULTS"
  cat "$RESULTS"
  exit 0
fi

# The floor's SQL: generated once by Liquibase against a v1.3 tenant, with the DATABASECHANGELOG(LOCK) bookkeeping.
liquibase "$DB1" "$ROLE1" update-to-tag-sql --tag="$TO_TAG" --output-file="$W/update.sql" > "$W/liquibase-sql.log" 2>&1 \
  || die "update-to-tag-sql failed; see $W/liquibase-sql.log"
record "$(printf '%-22s %s' sql.update "$(grep -c ';$' "$W/update.sql") statements, $(grep -ci 'INSERT INTO public.databasechangelog ' "$W/update.sql") DATABASECHANGELOG inserts")"

# ---------------------------------------------------------------------------------------------------------- timed runs
psql_all() { # sql-file tenants-file: psql -1 per tenant database as its owner, CONCURRENCY at a time
  SQL=$1 PSQL_CMD="${PSQL[*]}" xargs -P "$CONCURRENCY" -n 3 sh -c '$PSQL_CMD -1 -d "$0" -U "$1" -f "$SQL" >/dev/null' < "$2"
}

for r in $(seq 1 "$REPEATS"); do
  # --- Tenant Fleet: from the deploy job's command to its final summary.
  log "[$r/$REPEATS] tf: tenantctl release migrate --target $TO_TAG --concurrency $CONCURRENCY --wait"
  phase_start "tf-release-$r"
  rc=0
  step tenantctl release migrate --target "$TO_TAG" --concurrency "$CONCURRENCY" --wait --json "$W/release-$r.json" \
    > "$W/tenantctl-release-$r.log" 2>&1 || rc=$?
  wall=$(phase_end "tf.release.$r" "N=$N exit=$rc")
  (( rc == 0 )) || die "release exited $rc; see $W/tenantctl-release-$r.log"
  RELEASE_ID=$(release_json_field "$W/release-$r.json" 'r["id"]')
  api_get "releases/$RELEASE_ID/log" > "$W/release-$r-log.json"
  log "[$r/$REPEATS] tf: $N tenants in $wall s ($(per_s "$N" "$wall") tenants/s), release $RELEASE_ID"
  verify_heads "$TO_TAG" "tf.release.$r"
  verify_registry "$TO_TAG" "tf.release.$r"
  if [[ ! -f $W/rollback.sql ]]; then
    liquibase "$DB1" "$ROLE1" rollback-sql --tag="$FROM_TAG" --output-file="$W/rollback.sql" >> "$W/liquibase-sql.log" 2>&1 \
      || die "rollback-sql failed; see $W/liquibase-sql.log"
    record "$(printf '%-22s %s' sql.rollback "$(grep -c ';$' "$W/rollback.sql") statements")"
    # Untimed probe: Liquibase's fixed cost per command in a warm JVM (changelog parse; a no-op update-to-tag).
    if [[ ${PROBE:-1} == 1 ]]; then
      java -cp "$LB_CP" "$HERE/probe/LiquibaseCost.java" "$CHANGELOG_SEARCH_PATH" "$CHANGELOG_FILE" \
        "jdbc:postgresql://$PGHOST:$PGPORT/$DB1" "$ROLE1" "$TO_TAG" > "$W/probe.log" 2>&1 || die "probe failed; see $W/probe.log"
      grep -E '^(parse|update-to-tag) ' "$W/probe.log" | sed 's/^/probe                  /' >> "$RESULTS"
    fi
  fi

  # --- No-op release: every tenant already at the target.
  phase_start "tf-noop-$r"
  rc=0
  step tenantctl release migrate --target "$TO_TAG" --concurrency "$CONCURRENCY" --wait --json "$W/noop-$r.json" \
    > "$W/tenantctl-noop-$r.log" 2>&1 || rc=$?
  wall=$(phase_end "tf.noop.$r" "N=$N exit=$rc $(release_json_field "$W/noop-$r.json" \
    '"skipped=%d/%d server_s=%.2f" % (r["counts"]["skipped"], r["counts"]["total"], __import__("datetime").datetime.fromisoformat(r["finishedAt"][:-1]).timestamp() - __import__("datetime").datetime.fromisoformat(r["startedAt"][:-1]).timestamp())')")
  (( rc == 0 )) || die "no-op release exited $rc; see $W/tenantctl-noop-$r.log"
  log "[$r/$REPEATS] tf no-op release: $wall s"

  # --- Reset: Tenant Fleet rolls back exactly what the release applied (timed too: a real figure). After the last
  # release nothing uses Tenant Fleet any more: the rollback SQL with psql is enough there, and much quicker
  # (TF_ROLLBACK_LAST=1 rolls back with Tenant Fleet there too). The registry then still says v1.4; nothing reads it.
  if (( r < REPEATS )) || [[ ${TF_ROLLBACK_LAST:-0} == 1 ]]; then
    phase_start "tf-rollback-$r"
    rc=0
    step tenantctl release rollback "$RELEASE_ID" --wait --json "$W/rollback-$r.json" > "$W/tenantctl-rollback-$r.log" 2>&1 || rc=$?
    wall=$(phase_end "tf.rollback.$r" "N=$N exit=$rc")
    (( rc == 4 )) || die "release rollback exited $rc (4 = ROLLED_BACK expected); see $W/tenantctl-rollback-$r.log"
    log "[$r/$REPEATS] tf rollback: $wall s"
    verify_heads "$FROM_TAG" "tf.rollback.$r"
    verify_registry "$FROM_TAG" "tf.rollback.$r"
  else
    step psql_all "$W/rollback.sql" "$W/tenants.txt" || die "psql rollback after the last release failed"
    verify_heads "$FROM_TAG" "psql.rollback.after-tf"
  fi

  # --- The floor: the same SQL with psql, 2 x cores in parallel.
  log "[$r/$REPEATS] psql floor: psql -1 -f update.sql on every database, $CONCURRENCY in parallel"
  phase_start "psql-$r"
  step psql_all "$W/update.sql" "$W/tenants.txt" || die "psql floor failed"
  wall=$(phase_end "psql.update.$r" "N=$N")
  log "[$r/$REPEATS] psql floor: $N tenants in $wall s ($(per_s "$N" "$wall") tenants/s)"
  verify_heads "$TO_TAG" "psql.update.$r"
  phase_start "psql-reset-$r"
  step psql_all "$W/rollback.sql" "$W/tenants.txt" || die "psql rollback failed"
  phase_end "psql.rollback.$r" "N=$N" >/dev/null
  verify_heads "$FROM_TAG" "psql.rollback.$r"
done

# --- The common baseline: the Liquibase CLI, one tenant after the other.
if (( LB_SAMPLE > 0 )); then
  head -n "$LB_SAMPLE" "$W/tenants.txt" > "$W/lb-sample.txt"
  log "lbloop: sequential Liquibase CLI update-to-tag --tag=$TO_TAG over $LB_SAMPLE tenants"
  phase_start lbloop
  lbloop() { # the deploy loop people run today: one Liquibase CLI process per tenant, one after the other
    while read -r db role _; do
      liquibase "$db" "$role" update-to-tag --tag="$TO_TAG" >> "$W/liquibase-loop.log" 2>&1 \
        || { echo "Liquibase CLI failed on $db" >&2; return 1; }
    done < "$W/lb-sample.txt"
  }
  step lbloop || die "sequential Liquibase loop failed; see $W/liquibase-loop.log"
  wall=$(phase_end lbloop.update "N=$LB_SAMPLE")
  per=$(awk -v w="$wall" -v n="$LB_SAMPLE" 'BEGIN { printf "%.3f", w / n }')
  extra=$(awk -v p="$per" -v n="$N" 'BEGIN { printf "%.1f", p * n }')
  record "$(printf '%-22s per_tenant_s=%s extrapolated_wall_s=%s (N=%s, linear from %s tenants)' lbloop.extrapolated "$per" "$extra" "$N" "$LB_SAMPLE")"
  log "lbloop: $LB_SAMPLE tenants in $wall s ($per s per tenant; $extra s for $N tenants, extrapolated)"
  verify_heads "$TO_TAG" lbloop.update "$W/lb-sample.txt"
  step psql_all "$W/rollback.sql" "$W/lb-sample.txt" || die "psql rollback of the Liquibase sample failed"
  verify_heads "$FROM_TAG" lbloop.rollback
fi

# ---------------------------------------------------------------------------------------------------------- memory
HWM=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$WORKER_PID/status")
# What the worker's resident memory is made of, at the end: Java heap committed/used, metaspace (jcmd, cheap).
if jcmd "$WORKER_PID" GC.heap_info > "$W/worker-heap.txt" 2>&1; then
  record "$(awk '/total .*used/ { for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i+1); if ($i == "used") u = $(i+1) } }
    /Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "committed") m = $(i+1) }
    END { gsub(/[K,]/, "", t); gsub(/[K,]/, "", u); gsub(/[K,]/, "", m)
          printf "%-22s heap_committed_mb=%.0f heap_used_mb=%.0f metaspace_committed_mb=%.0f (jcmd GC.heap_info at the end)",
            "worker_heap", t / 1024, u / 1024, m / 1024 }' "$W/worker-heap.txt")"
  jcmd "$WORKER_PID" VM.flags 2>/dev/null | tr ' ' '\n' | grep -E 'MaxHeapSize|Use.*GC$' | paste -sd' ' \
    | sed 's/^/worker_vm_flags        /' >> "$RESULTS" || true
fi
record "$(awk -v hwm="$HWM" '
  { w = $2 / 1024; s = $3 / 1024; p = $4
    if (p ~ /^tf-release/) { if (w > rw) rw = w; if (s > rs) rs = s }
    if (p == "provision") { if (w > pw) pw = w }
    if (w > aw) aw = w; if (s > as) as = s }
  END { printf "%-22s worker_peak_rss_mb_during_releases=%.0f worker_peak_rss_mb_provisioning=%.0f worker_peak_rss_mb_sampled=%.0f worker_vmhwm_mb=%s service_peak_rss_mb_during_releases=%.0f service_peak_rss_mb=%.0f", "memory", rw, pw, aw, hwm, rs, as }' "$W/rss.txt")"

# ---------------------------------------------------------------------------------------------------------- analysis
python3 "$HERE/analyze.py" "$W" "$REPEATS" "$N" "$CONCURRENCY" "$RESULTS" > "$W/analysis.txt" \
  && cat "$W/analysis.txt" >> "$RESULTS" || log "analysis failed (the raw figures above are complete)"
log "results: $RESULTS"
cat "$RESULTS"
