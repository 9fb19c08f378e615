#!/usr/bin/env bash
# Control-plane load benchmark (issue 13, "Load"): see bench/control-plane/README.md.
#
#   bench/control-plane/run.sh
#
# Starts the packaged tenant-service (copied to a work directory first) on a throw-away control database and RabbitMQ
# vhost, registers TENANTS tenants straight in the control database, then drives CLIENTS concurrent clients for
# DURATION seconds (after WARMUP seconds that are not counted) with a mix of reads and status changes, two clients of
# each racing pair changing the same tenant at the same instant (LoadGen.java). Reports requests, throughput, answers
# by status (409 CONCURRENT_MODIFICATION apart: documented and allowed), latency percentiles, tenant-service's RSS and
# CPU, and the machine's load. Target: no error besides the documented 409s, p99 < 100 ms.
#
# Environment knobs (defaults in brackets):
#   CLIENTS [50]  DURATION [60]  WARMUP [10]  TENANTS [300]  RACING_PAIRS [2]
#   SERVICE_JAVA_OPTS [none]   extra JVM options for tenant-service (e.g. -Xmx512m)
#   BUILD [0]                  1: build tenant-service first (./mvnw -B -q package -DskipTests -pl tenant-service -am)
#   PGHOST/PGPORT [127.0.0.1/5432], user postgres with trust authentication; RabbitMQ guest/guest on 127.0.0.1:5672
#
# Everything it creates is named tfcp_<run id> (the control database and the vhost; the tenants exist only as rows of
# that database, no tenant database or role is created) and is removed on exit, also after a failure or Ctrl-C.
# The figures go to bench/control-plane/results/<date>.txt; the service's log stays in the work dir it prints.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
TENANTS=${TENANTS:-300}
RACING_PAIRS=${RACING_PAIRS:-2}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
export RABBITMQ_HOST=${RABBITMQ_HOST:-127.0.0.1} RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
for n in CLIENTS DURATION TENANTS RACING_PAIRS; do
  [[ ${!n} =~ ^[1-9][0-9]*$ ]] || { echo "$n must be a positive number" >&2; exit 64; }
done
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "WARMUP must be a number" >&2; exit 64; }

RUN_ID=$(head -c 4096 /dev/urandom | tr -dc 'a-z0-9' | head -c 5)
NAME=tfcp_$RUN_ID                      # control database and RabbitMQ vhost
W=${TFCP_WORK:-/tmp/tfcp-$RUN_ID}
mkdir -p "$W" "$HERE/results"
RESULTS=$HERE/results/$(date -u +%Y-%m-%d).txt
[[ -e $RESULTS ]] && RESULTS=$HERE/results/$(date -u +%Y-%m-%dT%H%M).txt
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres)
SERVICE_PID="" SAMPLER_PID="" LOAD_PID="" VHOST_CREATED=0 CONTROL_CREATED=0

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$W/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }
record() { printf '%s\n' "$*" >> "$RESULTS"; }
control() { "${PSQL[@]}" -d "$NAME" -tA -c "$1"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM   # finish the cleanup even if signalled again: nothing may be left behind
  set +e
  [[ -n $LOAD_PID ]] && kill "$LOAD_PID" 2>/dev/null && wait "$LOAD_PID" 2>/dev/null
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVICE_PID" 2>/dev/null && { log "tenant-service did not stop in 30 s: SIGKILL"; kill -9 "$SERVICE_PID"; }
  fi
  log "cleanup: dropping the control database $NAME and the vhost $NAME"
  (( CONTROL_CREATED )) && { "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$NAME\" WITH (FORCE)" >/dev/null \
    || log "cleanup: could not drop database $NAME"; }
  (( VHOST_CREATED )) && { rabbitmqctl -q delete_vhost "$NAME" >/dev/null || log "cleanup: could not delete vhost $NAME"; }
  rm -rf "$W/dist"
  log "log of this run: $W"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in psql curl rabbitmqctl java python3; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "PostgreSQL is not answering on $PGHOST:$PGPORT (see DEVELOPERS.md)"
if [[ ${BUILD:-0} == 1 ]]; then
  log "building tenant-service (./mvnw -B -q package -DskipTests -pl tenant-service -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl tenant-service -am)
fi
[[ -f $ROOT/tenant-service/target/quarkus-app/quarkus-run.jar ]] \
  || die "tenant-service is not packaged: cd $ROOT && ./mvnw -B -q package -DskipTests -pl tenant-service -am (or BUILD=1)"
# a copy, so that a build running meanwhile cannot change the jars under the running service
mkdir -p "$W/dist" && cp -r "$ROOT/tenant-service/target/quarkus-app" "$W/dist/tenant-service"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export SYSTEM_API_TOKEN="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
KEYS="bench-1:$(head -c 32 /dev/urandom | base64)"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

rabbitmqctl -q add_vhost "$NAME" >/dev/null && VHOST_CREATED=1
rabbitmqctl -q set_permissions -p "$NAME" "${RABBITMQ_USERNAME:-guest}" '.*' '.*' '.*' >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$NAME\"" >/dev/null && CONTROL_CREATED=1

# shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a word list
env TENANTFLEET_KEYS="$KEYS" RABBITMQ_VIRTUAL_HOST="$NAME" QUARKUS_HTTP_PORT="$PORT" CONTROL_DB_NAME="$NAME" \
  TENANTFLEET_PROVISIONING_NAME_PREFIX=tfcp_ java $SERVICE_JAVA_OPTS -jar "$W/dist/tenant-service/quarkus-run.jar" \
  > "$W/tenant-service.log" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 240); do
  curl -sf "$BASE/api/health" >/dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || die "tenant-service exited during start-up; see $W/tenant-service.log"
  (( i == 240 )) && die "tenant-service not healthy after 120 s; see $W/tenant-service.log"
  sleep 0.5
done
log "tenant-service up (pid $SERVICE_PID, $BASE), control database and vhost $NAME"

# Tenants registered as rows, as the service's tests do (RegisteredTenants): ACTIVE, on the default server, no
# database behind them. Nothing in the mix opens a tenant database or decrypts its password, so the ciphertext is a
# placeholder. (GET /api/fleet/status and /api/releases/plan read every tenant database: not control-plane load.)
control "INSERT INTO tenant (id, slug, display_name, status, server_id, database_name, role_name, password_ciphertext,
           password_key_id, schema_head, created_at, updated_at, version)
         SELECT gen_random_uuid(), format('cp-%s', lpad(i::text, 4, '0')), format('Bench tenant %s', i), 'ACTIVE', s.id,
           format('tfcp_cp_%s', lpad(i::text, 4, '0')), format('tfcp_cp_%s_owner', lpad(i::text, 4, '0')),
           'not-a-ciphertext', 'bench-1', 'v1.4', now(), now(), 0
         FROM generate_series(1, $TENANTS) i, database_server s WHERE s.name = 'local'" >/dev/null
control "SELECT slug FROM tenant ORDER BY slug" > "$W/slugs.txt"
(( $(wc -l < "$W/slugs.txt") == TENANTS )) || die "registered $(wc -l < "$W/slugs.txt") tenants, not $TENANTS"
# One release to read: refused (the target is not in the changelog), recorded with its reason like any release.
RELEASE_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
code=$(curl -s -o "$W/release.json" -w '%{http_code}' -X POST "$BASE/api/releases" \
  -H "Authorization: Bearer $SYSTEM_API_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"releaseId\": \"$RELEASE_ID\", \"spec\": {\"targetTag\": \"v99.0\"}}")
[[ $code == 422 ]] || die "the release to read was answered $code, not 422: $(cat "$W/release.json")"

{
  echo "=== control-plane bench run $RUN_ID $(date -u +%FT%TZ)"
  echo "command: CLIENTS=$CLIENTS DURATION=$DURATION WARMUP=$WARMUP TENANTS=$TENANTS RACING_PAIRS=$RACING_PAIRS SERVICE_JAVA_OPTS='$SERVICE_JAVA_OPTS' bench/control-plane/run.sh"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- tenant-service || echo ' (tenant-service has uncommitted changes)')"
  echo "machine: cores=$(nproc) ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) cpu='$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)'"
  echo "java: $(java -version 2>&1 | head -1); postgres: $("${PSQL[@]}" -d postgres -tA -c 'SHOW server_version')"
  echo "other JVMs running on the machine: $(( $(pgrep -c java || true) - 1 )) (builds and tests of other work: the figures are pessimistic)"
  echo "tenants=$TENANTS (hot, changed by the racing pairs and half the other changes: 4) release=$RELEASE_ID (REFUSED)"
  echo "load average before (1/5/15 min): $(loadavg)"
  echo "tenant-service rss_mb at start (after start-up and registration, before the load): $(rss_mb)"
} >> "$RESULTS"

# tenant-service's resident memory every 0.5 s during the load
( while kill -0 "$SERVICE_PID" 2>/dev/null; do rss_mb; echo; sleep 0.5; done ) > "$W/rss.txt" 2>/dev/null &
SAMPLER_PID=$!
CPU0=$(cpu_ticks)
log "load: $CLIENTS clients ($RACING_PAIRS racing pairs) for ${WARMUP}s warm-up + ${DURATION}s"
set +e
java -Xmx512m "$HERE/LoadGen.java" "$BASE" "$W/slugs.txt" "$RELEASE_ID" "$CLIENTS" "$DURATION" "$WARMUP" "$RACING_PAIRS" \
  > "$W/loadgen.txt" 2> "$W/loadgen.err" &
LOAD_PID=$!
wait "$LOAD_PID"; LOAD_RC=$?; LOAD_PID=""
set -e
CPU1=$(cpu_ticks)
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
[[ -s $W/loadgen.txt ]] || die "the load generator printed nothing (exit $LOAD_RC): $(cat "$W/loadgen.err")"

# After the load: every tenant's audit trail must be one unbroken chain of status changes ending at its status, so a
# change answered 200 was applied and one answered 409 changed nothing.
BROKEN=$(control "SELECT count(*) FROM (SELECT t.status, a.from_status, a.to_status,
                    lag(a.to_status) OVER (PARTITION BY a.tenant_id ORDER BY a.id) AS previous,
                    row_number() OVER (PARTITION BY a.tenant_id ORDER BY a.id DESC) AS from_last
                  FROM tenant_audit a JOIN tenant t ON t.id = a.tenant_id WHERE a.action = 'STATUS_CHANGED') c
                  WHERE (previous IS NOT NULL AND previous <> from_status) OR (from_last = 1 AND to_status <> status)")
CHANGES=$(control "SELECT count(*) FROM tenant_audit WHERE action = 'STATUS_CHANGED'")
ERRORS_LOGGED=$(grep -c ' ERROR ' "$W/tenant-service.log" || true)
{
  cat "$W/loadgen.txt"
  echo "status changes applied (audit rows): $CHANGES; breaks in the audit chains: $BROKEN"
  echo "tenant-service ERROR lines logged during the run: $ERRORS_LOGGED"
  echo "tenant-service rss_mb peak during the load: $(sort -n "$W/rss.txt" | tail -1) (VmHWM $(hwm_mb)); at the end: $(rss_mb)"
  echo "tenant-service cpu_s during warm-up + load: $(awk -v a="$CPU0" -v b="$CPU1" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / t}') of $(( (WARMUP + DURATION) * $(nproc) )) available"
  echo "load average after (1/5/15 min): $(loadavg)"
} >> "$RESULTS"
cat "$W/loadgen.txt" >&2
log "results: $RESULTS"
(( BROKEN == 0 )) || die "$BROKEN breaks in the audit chains: a status change was lost or applied twice"
exit "$LOAD_RC"
