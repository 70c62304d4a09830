#!/usr/bin/env bash
# A three-replica deployment on this machine, loopback only: a throwaway PostgreSQL, three src/Server
# replicas on it (gRPC on ports the OS picks, in-process REST off) and the standalone REST gateway
# (src/Gateway.Host) round-robin in front of them.
#
#   scripts/cluster.sh start [--dir DIR] [--replicas N] [--gateway-port PORT] [--no-build]
#   scripts/cluster.sh status [--dir DIR]
#   scripts/cluster.sh kill REPLICA [--dir DIR]     SIGKILL one replica (1..N), to watch the gateway fail over
#   scripts/cluster.sh stop [--dir DIR]             stops everything started, deletes the database
#
# DIR (default .artifacts/cluster) holds the PostgreSQL data, every process's log and pid file, and
# `urls` (shell variables: GATEWAY_URL, REPLICA_1_URL…, POSTGRES_CONNECTION_STRING). The gateway
# listens on --gateway-port (default 0: a free port, printed). Installs Debian's postgresql when
# missing (as scripts/setup.sh does; root or sudo -n). Replicas run in development security mode,
# which binds loopback only. See README "Cluster (several replicas)".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.artifacts/cluster"
REPLICAS=3
GATEWAY_PORT=0
BUILD=1
READY_TIMEOUT=${READY_TIMEOUT:-120}
SERVER_DLL="$ROOT/src/Server/bin/Release/net10.0/JourneyGrpc.Server.dll"
GATEWAY_DLL="$ROOT/src/Gateway.Host/bin/Release/net10.0/JourneyGrpc.Gateway.Host.dll"

log() { echo "cluster: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else die "need root to run: $*"; fi
}

# Runs a PostgreSQL tool; as root it runs as the postgres OS user (initdb refuses root).
pg() {
  local tool=$1; shift
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$PG_BIN/$tool" "$@"; else "$PG_BIN/$tool" "$@"; fi
}

find_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
    log "installing Debian's postgresql"
    if ! apt-cache policy postgresql 2>/dev/null | grep -q 'Candidate: [^(]'; then
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_listening NAME — the first address Kestrel logged ("Now listening on", JSON log) of NAME.
wait_listening() {
  local name=$1 pid address waited=0
  pid=$(cat "$DIR/$name.pid")
  while :; do
    address=$(grep -o '"address":"http://127.0.0.1:[0-9]*"' "$DIR/$name.log" 2>/dev/null | head -n 1 | cut -d'"' -f4 || true)
    [[ -n "$address" ]] && grep -q '"Message":"Application started.' "$DIR/$name.log" && { echo "$address"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$DIR/$name.log" >&2; die "$name exited before listening (log: $DIR/$name.log)"; }
    (( waited++ < READY_TIMEOUT * 4 )) || die "$name did not listen within ${READY_TIMEOUT}s (log: $DIR/$name.log)"
    sleep 0.25
  done
}

# launch NAME COMMAND... — runs COMMAND in the background, its output in DIR/NAME.log, its pid in DIR/NAME.pid.
launch() {
  local name=$1; shift
  "$@" >"$DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/$name.pid"
}

start() {
  [[ ! -f "$DIR/urls" ]] || die "a cluster is already recorded in $DIR ($0 stop --dir $DIR first)"
  find_postgres
  if (( BUILD )); then
    log "dotnet build src/Server src/Gateway.Host (Release)"
    dotnet build "$ROOT/src/Server" -c Release -nologo -v q ${BUILD_ARGS:-} >"$DIR/build.log" 2>&1 || { tail -n 20 "$DIR/build.log" >&2; die "build failed"; }
    dotnet build "$ROOT/src/Gateway.Host" -c Release -nologo -v q ${BUILD_ARGS:-} >>"$DIR/build.log" 2>&1 || { tail -n 20 "$DIR/build.log" >&2; die "build failed"; }
  fi
  [[ -f "$SERVER_DLL" && -f "$GATEWAY_DLL" ]] || die "not built: $SERVER_DLL / $GATEWAY_DLL"
  mkdir -p "$DIR/postgres"
  [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$DIR/postgres"
  local pg_port connection urls i
  pg_port=$(free_port)
  log "PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port, data in $DIR/postgres"
  pg initdb -D "$DIR/postgres/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  pg pg_ctl -D "$DIR/postgres/data" -l "$DIR/postgres/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$DIR/postgres -c max_connections=300" >/dev/null
  pg createdb -h 127.0.0.1 -p "$pg_port" -U postgres journeygrpc
  connection="Host=127.0.0.1;Port=$pg_port;Database=journeygrpc;Username=postgres"
  urls="POSTGRES_CONNECTION_STRING='$connection'"$'\n'
  local upstreams=()
  for (( i = 1; i <= REPLICAS; i++ )); do
    launch "replica-$i" dotnet "$SERVER_DLL" --Server:GrpcUrl=http://127.0.0.1:0 --Server:RestUrl= \
      --Store:Provider=postgres "--Store:PostgresConnectionString=$connection"
    # The first replica creates the schema; the others start once it has.
    if (( i == 1 )); then upstreams+=("$(wait_listening replica-1)"); fi
  done
  for (( i = 2; i <= REPLICAS; i++ )); do upstreams+=("$(wait_listening "replica-$i")"); done
  local args=()
  for (( i = 1; i <= REPLICAS; i++ )); do
    args+=(--upstream "${upstreams[i-1]}")
    urls+="REPLICA_${i}_URL=${upstreams[i-1]}"$'\n'
    log "replica $i (pid $(cat "$DIR/replica-$i.pid")): gRPC ${upstreams[i-1]}"
  done
  launch gateway dotnet "$GATEWAY_DLL" "${args[@]}" --listen "http://127.0.0.1:$GATEWAY_PORT"
  local gateway
  gateway=$(wait_listening gateway)
  urls+="GATEWAY_URL=$gateway"$'\n'
  printf '%s' "$urls" >"$DIR/urls"
  log "gateway (pid $(cat "$DIR/gateway.pid")): REST $gateway, round-robin over ${REPLICAS} replicas"
  echo "$urls"
}

status() {
  [[ -d "$DIR" ]] || { echo "no cluster in $DIR"; return 0; }
  local file name pid up=0
  for file in "$DIR"/*.pid; do
    [[ -f "$file" ]] || continue
    name=$(basename "$file" .pid) pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then echo "$name: running (pid $pid)"; up=$((up + 1)); else echo "$name: not running (pid $pid)"; fi
  done
  if [[ -f "$DIR/postgres/data/postmaster.pid" ]] && kill -0 "$(head -n 1 "$DIR/postgres/data/postmaster.pid")" 2>/dev/null; then
    echo "postgres: running (pid $(head -n 1 "$DIR/postgres/data/postmaster.pid"))"; up=$((up + 1))
  fi
  [[ ! -f "$DIR/urls" ]] || cat "$DIR/urls"
  (( up > 0 )) || echo "nothing running"
}

kill_replica() {
  local file="$DIR/replica-$1.pid"
  [[ -f "$file" ]] || die "no replica $1 in $DIR"
  local pid
  pid=$(cat "$file")
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  log "replica $1 (pid $(cat "$file")) killed with SIGKILL"
}

stop() {
  local file pid
  for file in "$DIR"/gateway.pid "$DIR"/replica-*.pid; do
    [[ -f "$file" ]] || continue
    kill -TERM "$(cat "$file")" 2>/dev/null || true
  done
  for file in "$DIR"/gateway.pid "$DIR"/replica-*.pid; do
    [[ -f "$file" ]] || continue
    pid=$(cat "$file")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then log "$(basename "$file" .pid) ignored SIGTERM for 15 s; SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$file"
  done
  if [[ -f "$DIR/postgres/data/postmaster.pid" ]]; then
    find_postgres
    pg pg_ctl -D "$DIR/postgres/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$DIR/postgres" "$DIR/urls"
  log "stopped (logs kept in $DIR)"
}

command=${1:-}
[[ -n "$command" ]] && shift
while (( $# > 0 )); do
  case $1 in
    --dir) DIR=$(realpath -m "$2"); shift 2 ;;
    --replicas) REPLICAS=$2; shift 2 ;;
    --gateway-port) GATEWAY_PORT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) if [[ $command == kill && -z ${TARGET:-} ]]; then TARGET=$1; shift; else usage >&2; exit 2; fi ;;
  esac
done
mkdir -p "$DIR"
case $command in
  start) start ;;
  status) status ;;
  stop) stop ;;
  kill) kill_replica "${TARGET:?which replica}" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
