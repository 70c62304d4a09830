#!/usr/bin/env bash
# Journey create and search throughput through 1, 2 and 3 server replicas on one PostgreSQL, in one run
# (scripts/bench.sh replicas). scripts/cluster.sh starts PostgreSQL, three replicas and a gateway over
# all three; two more gateways front replica 1 alone and replicas 1-2. The load client
# (bench/ReplicaLoad, its own process, closed loop, CONCURRENCY workers) runs SECONDS per measurement,
# creates then searches, rounds interleaved 1/2/3 replicas (order rotated each round); the median of
# ROUNDS rounds is reported. Loopback only; everything started is stopped on exit. Report: .artifacts/bench/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/.artifacts/bench"
dir="$out/replicas-cluster"
ROUNDS=${ROUNDS:-3}
SECONDS_PER=${SECONDS_PER:-10}
CONCURRENCY=${CONCURRENCY:-32}
mkdir -p "$out"
report="$out/replicas-$(date -u +%Y%m%dT%H%M%SZ).md"
gateway_dll="$root/src/Gateway.Host/bin/Release/net10.0/JourneyGrpc.Gateway.Host.dll"
load_dll="$root/bench/ReplicaLoad/bin/Release/net10.0/JourneyGrpc.Bench.ReplicaLoad.dll"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local file pid
  # The extra gateways (started in command substitutions, so their ids are in pid files).
  for file in "$dir"/gateway-[12].pid; do
    [[ -f "$file" ]] || continue
    pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
  done
  "$root/scripts/cluster.sh" stop --dir "$dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# shellcheck disable=SC2086 # BUILD_ARGS is a list of arguments
dotnet build -c Release "$root/bench/ReplicaLoad" -nologo -v q ${BUILD_ARGS:-} >"$out/build-replica-load.log" 2>&1 \
  || { tail -n 20 "$out/build-replica-load.log" >&2; exit 1; }
"$root/scripts/cluster.sh" stop --dir "$dir" >/dev/null 2>&1 || true
"$root/scripts/cluster.sh" start --dir "$dir" --replicas 3 >/dev/null
# shellcheck disable=SC1091 # written by cluster.sh start
source "$dir/urls"

# start_gateway NAME UPSTREAM... — a standalone gateway on a free port; echoes its URL.
start_gateway() {
  local name=$1 args=() url waited=0; shift
  for url in "$@"; do args+=(--upstream "$url"); done
  dotnet "$gateway_dll" "${args[@]}" --listen http://127.0.0.1:0 >"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.pid"
  until url=$(grep -o '"address":"http://127.0.0.1:[0-9]*"' "$dir/$name.log" | head -n 1 | cut -d'"' -f4) && [[ -n "$url" ]]; do
    (( waited++ < 240 )) || { log "$name did not start"; exit 1; }
    sleep 0.25
  done
  echo "$url"
}
declare -A gateway
gateway[1]=$(start_gateway gateway-1 "$REPLICA_1_URL")
gateway[2]=$(start_gateway gateway-2 "$REPLICA_1_URL" "$REPLICA_2_URL")
gateway[3]=$GATEWAY_URL
log "gateways: 1 replica ${gateway[1]}, 2 replicas ${gateway[2]}, 3 replicas ${gateway[3]}"

# Seed: every customer gets engagements, so searches find something from the first round.
dotnet "$load_dll" create "${gateway[3]}" 5 "$CONCURRENCY" >/dev/null

declare -A results
orders=("1 2 3" "2 3 1" "3 1 2")
for (( round = 0; round < ROUNDS; round++ )); do
  for mode in create search; do
    for n in ${orders[round % 3]}; do
      line=$(dotnet "$load_dll" "$mode" "${gateway[$n]}" "$SECONDS_PER" "$CONCURRENCY")
      results[$mode,$n]+="$(awk '{print $2}' <<<"$line") "
      log "round $((round + 1)) $mode through $n replica(s): $line"
    done
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
{
  echo "### Replicas: journey create and search through the gateway, 1 / 2 / 3 replicas (one run)"
  echo
  echo "\`scripts/bench.sh replicas\` (ROUNDS=$ROUNDS, SECONDS_PER=$SECONDS_PER, CONCURRENCY=$CONCURRENCY), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version | awk '{print $3}')"
  echo
  echo "| replicas | create req/s (median) | × 1 replica | search req/s (median) | × 1 replica | create rounds | search rounds |"
  echo "|---|---|---|---|---|---|---|"
  c1=$(median "${results[create,1]}") s1=$(median "${results[search,1]}")
  for n in 1 2 3; do
    c=$(median "${results[create,$n]}") s=$(median "${results[search,$n]}")
    echo "| $n | $c | $(awk -v a="$c" -v b="$c1" 'BEGIN { printf "%.2f", a / b }') | $s | $(awk -v a="$s" -v b="$s1" 'BEGIN { printf "%.2f", a / b }') | ${results[create,$n]% } | ${results[search,$n]% } |"
  done
} >"$report"
cat "$report"
echo "report: ${report#"$root"/}"
