#!/usr/bin/env bash
# bench/identity: identity-consumer end to end through the real broker and Redis (see bench/README.md, "identity").
# Uses the packaged consumer (identity-consumer/target/quarkus-app/quarkus-run.jar) and the load generator in
# bench/identity/loadgen. Everything it creates carries a unique run id and is removed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
RUN="$(date +%s)"
PREFIX="tfbench${RUN}"
QPREFIX="identity-consumer-bench-${RUN}"
IX="identity.events.bench-${RUN}"
TX="tenant.events.bench-${RUN}"
PORT="${BENCH_HTTP_PORT:-18482}"
EVENTS="${BENCH_EVENTS:-100000}"
RATE="${BENCH_RATE:-1000}"
SECONDS_AT_RATE="${BENCH_SECONDS:-30}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-30}"
OUT="bench/identity/results/$(date -u +%Y-%m-%d).txt"
mkdir -p bench/identity/results
# BENCH_JAR: another build of the consumer (e.g. an older commit's) measured the same way, for a before/after table.
JAR="${BENCH_JAR:-identity-consumer/target/quarkus-app/quarkus-run.jar}"
[ -f "$JAR" ] || ./mvnw -B -o -q -pl identity-consumer -am package -DskipTests
[ -f bench/identity/loadgen/target/identity-loadgen-0.1.0-SNAPSHOT.jar ] || mvn -o -q -f bench/identity/loadgen/pom.xml package
CP="bench/identity/loadgen/target/identity-loadgen-0.1.0-SNAPSHOT.jar:bench/identity/loadgen/target/lib/*"
LG() { java -Xmx2g -cp "$CP" bench.IdentityBench "$@" 2> >(grep -v SLF4J >&2); }
load() { echo "load: $(uptime | sed 's/.*load average: //') bench-done=$([ -e /tmp/bench-done ] && echo yes || echo no)"; }

CPID=""
cleanup() {
  set +e
  [ -n "$CPID" ] && kill "$CPID" 2>/dev/null && wait "$CPID" 2>/dev/null
  LG delete "$IX,$TX" "$QPREFIX.all" "$QPREFIX.all.dlq" "$QPREFIX.tenant-status" "$QPREFIX.tenant-status.dlq" "$QPREFIX.ceiling" >>"$OUT" 2>&1
  redis-cli --scan --pattern "${PREFIX}:*" | xargs -r -n 1000 redis-cli unlink >/dev/null
  echo "redis keys left with prefix ${PREFIX}: $(redis-cli --scan --pattern "${PREFIX}:*" | wc -l)" >>"$OUT"
}
trap cleanup EXIT

{
  echo "=== identity bench run ${RUN} $(date -u +%FT%TZ)"
  echo "machine: nproc=$(nproc) mem=$(free -h | awk '/Mem:/{print $2}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "redis: $(redis-server --version)"
  echo "rabbitmq: $(rabbitmqctl version 2>/dev/null || rabbitmqctl status 2>/dev/null | grep -i 'RabbitMQ version')"
  echo "consumer: ${JAR}"
  echo "prefix=${PREFIX} queue-prefix=${QPREFIX} exchange=${IX} events=${EVENTS} rate=${RATE}/s x ${SECONDS_AT_RATE}s (after ${WARMUP_SECONDS}s of warm-up)"
} >>"$OUT"

# Fleet-wide consumer on its own exchanges/queues and key prefix; cleanup disabled (no tenant databases exist, the
# control database is never touched), so membership-removed is a pure invalidation.
start_consumer() {
  BINDING_QUEUE_PREFIX="$QPREFIX" BINDING_IDENTITY_EXCHANGE="$IX" BINDING_TENANT_EXCHANGE="$TX" \
  IDENTITY_CACHE_PREFIX="$PREFIX" IDENTITY_CLEANUP_ENABLED=false HTTP_PORT="$PORT" \
    java -jar "$JAR" >>"bench/identity/results/consumer-${RUN}.log" 2>&1 &
  CPID=$!
  for i in $(seq 1 600); do
    curl -fs "http://127.0.0.1:${PORT}/api/health/ready" >/dev/null 2>&1 && break
    kill -0 "$CPID" 2>/dev/null || { echo "consumer died"; tail -30 "bench/identity/results/consumer-${RUN}.log"; exit 1; }
    sleep 0.1
  done
  echo "consumer ready" >>"$OUT"
}
start_consumer
M="http://127.0.0.1:${PORT}/q/metrics"

echo "--- (1) sustained throughput, $(load)" >>"$OUT"
LG throughput "$IX" "$EVENTS" "$M" | tee -a "$OUT"
echo "    after: $(load)" >>"$OUT"
curl -fs "$M" | grep -E '^identity_events_(applied|ignored_stale|dead_lettered|requeued)_total' >>"$OUT" || true

# (1b) The consumer alone, as (4) measures the broker alone: stop it, fill its queue with 100,000 new events, start it
# again and time the drain from the moment it is ready. Their versions are newer than (1)'s and older than (2)'s, so
# each is applied (not ignored as stale) and (2) still sees its own versions appear.
echo "--- (1b) consumer alone on a pre-filled queue, $(load)" >>"$OUT"
kill "$CPID"; wait "$CPID" 2>/dev/null || true
LG publish "$IX" "$EVENTS" 500000000 | tee -a "$OUT"
start_consumer
LG drain "$M" "$EVENTS" | tee -a "$OUT"
echo "    after: $(load)" >>"$OUT"

# (2) is the steady state at RATE: first WARMUP_SECONDS at the same rate (logged as "warm-up", not the figure), because
# at a low rate each event is handled alone on a code path (1) and (1b) hardly used, which the JIT has yet to compile.
echo "--- (2) warm-up at ${RATE}/s for ${WARMUP_SECONDS}s (not the figure), $(load)" >>"$OUT"
[ "$WARMUP_SECONDS" -gt 0 ] && LG latency "$IX" "$RATE" "$WARMUP_SECONDS" "$PREFIX" 1000000000 | sed 's/^/warm-up /' | tee -a "$OUT"
echo "--- (2) effect latency at ${RATE}/s, $(load)" >>"$OUT"
LG latency "$IX" "$RATE" "$SECONDS_AT_RATE" "$PREFIX" 1500000000 | tee -a "$OUT"
echo "    after: $(load)" >>"$OUT"
curl -fs "$M" | grep -E '^identity_event_lag_seconds_(count|sum|max)' >>"$OUT" || true

echo "--- (4) broker ceiling (plain amqp-client consumer, prefetch 300, temp quorum queue), $(load)" >>"$OUT"
LG ceiling "$QPREFIX.ceiling" "$EVENTS" 300 | tee -a "$OUT"
echo "    after: $(load)" >>"$OUT"

echo "--- (3) tag invalidation cost, $(load)" >>"$OUT"
LG tagcost "$PREFIX" identity-cache/src/main/resources/dev/tenantfleet/identity/cache/lua/invalidate.lua 2000 | tee -a "$OUT"
echo "    after: $(load)" >>"$OUT"
