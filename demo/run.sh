#!/usr/bin/env bash
# Tenant Fleet demo on this machine's local services (PostgreSQL, RabbitMQ):
# builds, starts migration-worker and tenant-service, provisions a handful of demo tenants from the
# example CRM changelog (ACTIVE, at its head) and shows their state. Services keep running.
# `demo/run.sh release` then shows a deploy on the dashboard: three more tenants join one release behind (v1.3), and
# the migrate-release a deploy job runs brings them to v1.4 while the others are already there.
# Run again, it releases three more new tenants (stark-2, ...): it is repeatable.
# `demo/run.sh stop` stops the services and says what stays behind; `demo/run.sh clean` removes all of it (control
# database, tenant databases and roles, .demo); `demo/run.sh reset` is clean, then the demo from the start.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.demo
mkdir -p "$STATE"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${CONTROL_DB_NAME:=tenantfleet}"
PSQL=(psql -X -q -h "$PGHOST" -p "$PGPORT" -U postgres)

stop() {
  for name in tenant-service migration-worker; do
    if [[ -f $STATE/$name.pid ]] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
      kill "$(cat "$STATE/$name.pid")" && echo "stopped $name"
    fi
    rm -f "$STATE/$name.pid"
  done
}
control_db_exists() {
  [[ $("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$CONTROL_DB_NAME'" 2>/dev/null) == 1 ]]
}
tenant_objects() { # database<TAB>role of every tenant the demo registered
  control_db_exists && "${PSQL[@]}" -d "$CONTROL_DB_NAME" -tA -F $'\t' \
    -c "SELECT database_name, role_name FROM tenant ORDER BY slug" 2>/dev/null || true
}
left_behind() {
  local tenants
  tenants=$(tenant_objects | wc -l)
  echo "left behind (the next demo/run.sh picks them up again):"
  control_db_exists && echo "  control database $CONTROL_DB_NAME, and $tenants tenant databases with their roles" \
    "($(tenant_objects | cut -f1 | head -3 | paste -sd, -)$( (( tenants > 3 )) && echo ", ..."))"
  echo "  secrets in $STATE/env, logs in $STATE/*.log"
  echo "remove all of it: demo/run.sh clean"
}
clean() {
  stop
  local database role
  while IFS=$'\t' read -r database role; do
    [[ -n $database ]] || continue
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" -c "DROP ROLE IF EXISTS \"$role\"" \
      && echo "dropped tenant database $database and role $role"
  done < <(tenant_objects)
  if control_db_exists; then
    "${PSQL[@]}" -c "DROP DATABASE \"$CONTROL_DB_NAME\" WITH (FORCE)" && echo "dropped control database $CONTROL_DB_NAME"
  fi
  rm -rf "$STATE" && echo "removed $STATE"
}
case ${1:-} in
  stop) stop; left_behind; exit 0 ;;
  clean) clean; exit 0 ;;
  reset) clean; mkdir -p "$STATE"; shift ;;
esac
: "${TENANT_SERVICE_PORT:=8080}" "${WORKER_PORT:=8081}"
pg_isready -h "$PGHOST" -p "$PGPORT" -q || { echo "PostgreSQL is not answering on $PGHOST:$PGPORT (see DEVELOPERS.md)"; exit 1; }
rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1 || { echo "RabbitMQ is not running (see DEVELOPERS.md)"; exit 1; }

# Secrets are generated once and kept in .demo/env (git-ignored): the stored tenant passwords stay readable.
# `source .demo/env` in a shell then lets tenantctl and curl reach the demo.
if [[ ! -f $STATE/env ]]; then
  umask 077
  cat > "$STATE/env" <<ENV
export SYSTEM_API_TOKEN=demo-$(head -c 18 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
export TENANTFLEET_KEYS=demo-key-1:$(head -c 32 /dev/urandom | base64)
export TENANTFLEET_URL=http://127.0.0.1:${TENANT_SERVICE_PORT:-8080}
export TENANTFLEET_ACTOR=demo
ENV
elif ! grep -q '^export ' "$STATE/env"; then
  sed -i 's/^\([A-Z_]*=\)/export \1/' "$STATE/env" # written by an older demo: make `source` export it too
fi
set -a; source "$STATE/env"; set +a
export CONTROL_DB_NAME
# New tenants are migrated to this tag (empty: the changelog's head).
export TENANTFLEET_PROVISIONING_TARGET_TAG="${DEMO_PROVISIONING_TAG:-}"

start() { # module port
  echo "=== $(date -u +%FT%TZ) demo/run.sh starts $1 ===" >> "$STATE/$1.log" # appended: earlier runs' logs stay
  QUARKUS_HTTP_PORT=$2 nohup java -jar "$1/target/quarkus-app/quarkus-run.jar" >> "$STATE/$1.log" 2>&1 &
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
unregistered() { # slug: the slug, or slug-2, slug-3, ... whichever is not registered yet
  local slug=$1 n=1
  while [[ $(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$API/tenants/$slug") != 404 ]]; do
    n=$((n + 1)); slug="$1-$n"
  done
  echo "$slug"
}
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
  late=()
  for entry in "${LATE_TENANTS[@]}"; do late+=("$(unregistered "${entry%%:*}"):${entry#*:}"); done
  echo "==> three tenants sign up while the fleet is still on $BEHIND: tenant-service provisions them there"
  TENANTFLEET_PROVISIONING_TARGET_TAG=$BEHIND restart_tenant_service
  provision "${late[@]}"
  restart_tenant_service
  show_fleet
  echo "==> the deploy job: one migrate-release, followed until the fleet converged (watch $DASHBOARD)"
  TENANTFLEET_URL="http://127.0.0.1:$TENANT_SERVICE_PORT" TENANTFLEET_ACTOR=demo \
    exec tenantctl/bin/tenantctl release migrate --target "${2:-v1.4}" --strategy cohorts --wait
fi

echo "==> building (the first build downloads dependencies: a few minutes; later ones about a minute; log: $STATE/build.log)"
start_build=$SECONDS
if ! ./mvnw -B -ntp package -DskipTests > >(tee "$STATE/build.log" \
    | sed -un 's/^\[INFO\] Building \(.*[^ ]\) \+[^ ]\+ \+\[\([0-9]*\/[0-9]*\)\]$/    [\2] \1/p'); then
  echo "build failed; see $STATE/build.log"; exit 1
fi
echo "    built in $((SECONDS - start_build)) s"

control_db_exists || createdb -h "$PGHOST" -p "$PGPORT" -U postgres "$CONTROL_DB_NAME"

stop >/dev/null
start migration-worker "$WORKER_PORT"   # first: it declares the command queue
start tenant-service "$TENANT_SERVICE_PORT"
provision "${DEMO_TENANTS[@]}"
show_fleet
cat <<MSG

tenant-service: $API   (OpenAPI at $API/openapi)
dashboard: $DASHBOARD   (log in with this token: $SYSTEM_API_TOKEN)
  then watch a deploy there (three tenants join at v1.3, a release brings them to v1.4):  demo/run.sh release

In your shell, first:  source $STATE/env      (exports SYSTEM_API_TOKEN and TENANTFLEET_URL), then:
  tenantctl/bin/tenantctl fleet status
  curl -H "Authorization: Bearer \$SYSTEM_API_TOKEN" $API/tenants/acme/audit
logs: $STATE/*.log     stop: demo/run.sh stop     remove everything: demo/run.sh clean     start over: demo/run.sh reset
MSG
