#!/usr/bin/env bash
# Tenant Fleet demo on this machine's local services (PostgreSQL, RabbitMQ):
# builds, starts migration-worker and tenant-service, provisions a handful of demo tenants from the
# example CRM changelog (at v1.3, one release behind) and shows their state. Services keep running;
# `demo/run.sh release` then migrates the demo fleet to v1.4 (watch it on the dashboard); `demo/run.sh stop` stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.demo
mkdir -p "$STATE"

stop() {
  for name in tenant-service migration-worker; do
    if [[ -f $STATE/$name.pid ]] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
      kill "$(cat "$STATE/$name.pid")" && echo "stopped $name"
    fi
    rm -f "$STATE/$name.pid"
  done
}
if [[ ${1:-} == stop ]]; then stop; exit 0; fi
if [[ ${1:-} == release ]]; then # what a deploy job runs: one migrate-release, followed until the fleet converged
  set -a; source "$STATE/env"; set +a
  TENANTFLEET_URL="http://127.0.0.1:${TENANT_SERVICE_PORT:-8080}" TENANTFLEET_ACTOR=demo \
    exec tenantctl/bin/tenantctl release migrate --target "${2:-v1.4}" --strategy cohorts --wait
fi

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${CONTROL_DB_NAME:=tenantfleet}"
: "${TENANT_SERVICE_PORT:=8080}" "${WORKER_PORT:=8081}"
pg_isready -h "$PGHOST" -p "$PGPORT" -q || { echo "PostgreSQL is not answering on $PGHOST:$PGPORT (see DEVELOPERS.md)"; exit 1; }
rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1 || { echo "RabbitMQ is not running (see DEVELOPERS.md)"; exit 1; }

# Secrets are generated once and kept in .demo/env (git-ignored): the stored tenant passwords stay readable.
if [[ ! -f $STATE/env ]]; then
  umask 077
  cat > "$STATE/env" <<ENV
SYSTEM_API_TOKEN=demo-$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
TENANTFLEET_KEYS=demo-key-1:$(head -c 32 /dev/urandom | base64)
ENV
fi
set -a; source "$STATE/env"; set +a
export CONTROL_DB_NAME
# New tenants start one release behind the changelog's head, so `demo/run.sh release` has something to show.
export TENANTFLEET_PROVISIONING_TARGET_TAG="${DEMO_PROVISIONING_TAG:-v1.3}"

echo "==> building"
./mvnw -B -q package -DskipTests

psql -h "$PGHOST" -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$CONTROL_DB_NAME'" | grep -q 1 \
  || createdb -h "$PGHOST" -p "$PGPORT" -U postgres "$CONTROL_DB_NAME"

stop >/dev/null
start() { # module port
  QUARKUS_HTTP_PORT=$2 nohup java -jar "$1/target/quarkus-app/quarkus-run.jar" > "$STATE/$1.log" 2>&1 &
  echo $! > "$STATE/$1.pid"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$2/api/health" >/dev/null && { echo "==> $1 up on :$2"; return; }
    kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null || { echo "$1 exited; see $STATE/$1.log"; exit 1; }
    sleep 0.5
  done
  echo "$1 not healthy after 60 s; see $STATE/$1.log"; exit 1
}
start migration-worker "$WORKER_PORT"   # first: it declares the command queue
start tenant-service "$TENANT_SERVICE_PORT"

API="http://127.0.0.1:$TENANT_SERVICE_PORT/api"
AUTH=(-H "Authorization: Bearer $SYSTEM_API_TOKEN" -H "X-Tenantfleet-Actor: demo" -H "Content-Type: application/json")
DEMO_TENANTS=(acme:"Acme Corporation" globex:"Globex" initech:"Initech" umbrella:"Umbrella Health" hooli:"Hooli")
echo "==> provisioning ${#DEMO_TENANTS[@]} demo tenants"
for entry in "${DEMO_TENANTS[@]}"; do
  slug=${entry%%:*}; name=${entry#*:}
  code=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -d "{\"slug\":\"$slug\",\"name\":\"$name\"}" "$API/tenants")
  case $code in
    202) echo "    $slug: accepted" ;;
    409) echo "    $slug: already registered" ;;
    *) echo "    $slug: HTTP $code"; exit 1 ;;
  esac
done

status_of() { curl -s "${AUTH[@]}" "$API/tenants/$1" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p'; }
for _ in $(seq 1 120); do
  pending=0
  for entry in "${DEMO_TENANTS[@]}"; do [[ $(status_of "${entry%%:*}") == PROVISIONING ]] && pending=$((pending + 1)); done
  (( pending == 0 )) && break
  sleep 1
done

echo "==> fleet"
curl -s "${AUTH[@]}" "$API/tenants?size=500" | python3 -c '
import json, sys
row = "{:<12} {:<20} {:<6} {:<16} {}"
print(row.format("SLUG", "STATUS", "HEAD", "DATABASE", "SERVER"))
for t in json.load(sys.stdin)["items"]:
    failure = t["failure"]
    print(row.format(t["slug"], t["status"], t["schemaHead"] or "-", t["database"], t["server"])
          + ("   ({}: {})".format(failure["code"], failure["reason"]) if failure else ""))
'
cat <<MSG

tenant-service: $API   (token in $STATE/env; OpenAPI at $API/openapi)
dashboard: http://127.0.0.1:$TENANT_SERVICE_PORT/dashboard/   (log in with SYSTEM_API_TOKEN from $STATE/env)
  then migrate the demo fleet to v1.4 and watch it there:  demo/run.sh release
  curl -H "Authorization: Bearer \$SYSTEM_API_TOKEN" $API/tenants/acme/audit
logs: $STATE/*.log     stop: demo/run.sh stop
MSG
