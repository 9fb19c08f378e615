#!/usr/bin/env bash
# Tenant Fleet demo on this machine's local services (PostgreSQL, RabbitMQ):
# builds, starts migration-worker and tenant-service, provisions a handful of demo tenants from the
# example CRM changelog (ACTIVE, at its head) and shows their state. Services keep running.
# `demo/run.sh release` then shows a deploy on the dashboard: three more tenants join one release behind (v1.3), and
# the migrate-release a deploy job runs brings them to v1.4 while the others are already there.
# `demo/run.sh stop` stops the services.
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
# New tenants are migrated to this tag (empty: the changelog's head).
export TENANTFLEET_PROVISIONING_TARGET_TAG="${DEMO_PROVISIONING_TAG:-}"

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
restart_tenant_service() {
  kill "$(cat "$STATE/tenant-service.pid")" 2>/dev/null || true
  while kill -0 "$(cat "$STATE/tenant-service.pid")" 2>/dev/null; do sleep 0.2; done
  start tenant-service "$TENANT_SERVICE_PORT"
}

API="http://127.0.0.1:$TENANT_SERVICE_PORT/api"
DASHBOARD="http://127.0.0.1:$TENANT_SERVICE_PORT/dashboard/"
AUTH=(-H "Authorization: Bearer $SYSTEM_API_TOKEN" -H "X-Tenantfleet-Actor: demo" -H "Content-Type: application/json")
DEMO_TENANTS=(acme:"Acme Corporation" globex:"Globex" initech:"Initech" umbrella:"Umbrella Health" hooli:"Hooli")
LATE_TENANTS=(stark:"Stark Industries" wayne:"Wayne Enterprises" wonka:"Wonka Industries")

status_of() { curl -s "${AUTH[@]}" "$API/tenants/$1" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p'; }
provision() { # slug:name ... then waits until none is PROVISIONING
  echo "==> provisioning $# demo tenants"
  for entry in "$@"; do
    slug=${entry%%:*}; name=${entry#*:}
    code=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -d "{\"slug\":\"$slug\",\"name\":\"$name\"}" "$API/tenants")
    case $code in
      202) echo "    $slug: accepted" ;;
      409) echo "    $slug: already registered" ;;
      *) echo "    $slug: HTTP $code"; exit 1 ;;
    esac
  done
  for _ in $(seq 1 120); do
    pending=0
    for entry in "$@"; do [[ $(status_of "${entry%%:*}") == PROVISIONING ]] && pending=$((pending + 1)); done
    (( pending == 0 )) && return
    sleep 1
  done
}
show_fleet() {
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
}

if [[ ${1:-} == release ]]; then
  curl -sf "http://127.0.0.1:$WORKER_PORT/api/health" >/dev/null || { echo "the demo is not running: demo/run.sh first"; exit 1; }
  BEHIND=${DEMO_BEHIND_TAG:-v1.3}
  echo "==> three tenants sign up while the fleet is still on $BEHIND: tenant-service provisions them there"
  TENANTFLEET_PROVISIONING_TARGET_TAG=$BEHIND restart_tenant_service
  provision "${LATE_TENANTS[@]}"
  restart_tenant_service
  show_fleet
  echo "==> the deploy job: one migrate-release, followed until the fleet converged (watch $DASHBOARD)"
  TENANTFLEET_URL="http://127.0.0.1:$TENANT_SERVICE_PORT" TENANTFLEET_ACTOR=demo \
    exec tenantctl/bin/tenantctl release migrate --target "${2:-v1.4}" --strategy cohorts --wait
fi

echo "==> building"
./mvnw -B -q package -DskipTests

psql -h "$PGHOST" -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$CONTROL_DB_NAME'" | grep -q 1 \
  || createdb -h "$PGHOST" -p "$PGPORT" -U postgres "$CONTROL_DB_NAME"

stop >/dev/null
start migration-worker "$WORKER_PORT"   # first: it declares the command queue
start tenant-service "$TENANT_SERVICE_PORT"
provision "${DEMO_TENANTS[@]}"
show_fleet
cat <<MSG

tenant-service: $API   (token in $STATE/env; OpenAPI at $API/openapi)
dashboard: $DASHBOARD   (log in with SYSTEM_API_TOKEN from $STATE/env)
  then watch a deploy there (three tenants join at v1.3, a release brings them to v1.4):  demo/run.sh release
  curl -H "Authorization: Bearer \$SYSTEM_API_TOKEN" $API/tenants/acme/audit
logs: $STATE/*.log     stop: demo/run.sh stop
MSG
