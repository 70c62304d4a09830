#!/usr/bin/env bash
# Store durable writes: group commit vs one transaction per write, WRITERS concurrent writers, on SQLite
# (WAL, synchronous=FULL) and PostgreSQL (a throwaway cluster: initdb + pg_ctl, fsync=on), in one run.
# Acceptance (issue "store"): group commit >= 10x one transaction per write on SQLite.
#
# Environment (defaults): WRITERS=64 DURATION=10 WARMUP=2 ROUNDS=3 PROVIDERS=sqlite,postgres
#   STORE_DIR=$BENCH_OUT/store (SQLite files; put it on the disk you want to measure)
#   QUIET_MAX / QUIET_WAIT / QUIET_BUDGET as in bench/unary-echo.sh; QUIET_RUN_WAIT=30: before each of the
#   runs the benchmark itself waits up to this many seconds for the machine to be at most QUIET_MAX % busy.
# Bounded: ROUNDS x providers x 2 x (WARMUP + DURATION + QUIET_RUN_WAIT) = 3 x 2 x 2 x 42 s = 504 s, plus build and cluster start.
# Output: .artifacts/bench/store-writes-<time>.md
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WRITERS=${WRITERS:-64}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-3}
PROVIDERS=${PROVIDERS:-sqlite,postgres}
STORE_DIR=${STORE_DIR:-$BENCH_OUT/store}
DLL=$BENCH_ROOT/bench/StoreWrites/bin/Release/net10.0/JourneyGrpc.Bench.StoreWrites.dll

mkdir -p "$BENCH_OUT" "$STORE_DIR"
[[ $PROVIDERS == *postgres* ]] && ensure_debian_packages postgresql
build_dotnet store-writes bench/StoreWrites || { tail -n 20 "$BENCH_OUT/build-store-writes.log" >&2; die "bench/StoreWrites does not build"; }
report=$BENCH_OUT/store-writes-$(date -u +%Y%m%dT%H%M%SZ).md
args=(--writers "$WRITERS" --duration "$DURATION" --warmup "$WARMUP" --rounds "$ROUNDS" --providers "$PROVIDERS" --folder "$STORE_DIR"
    --quiet-max "$QUIET_MAX" --quiet-wait "${QUIET_RUN_WAIT:-30}")
wait_quiet
log "dotnet bench/StoreWrites/…/JourneyGrpc.Bench.StoreWrites.dll ${args[*]}"
out=$(timeout 900 dotnet "$DLL" "${args[@]}")
{
    echo "# Store: durable writes ($(date -u +%Y-%m-%d), commit $(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null))"
    echo
    machine_info | grep -v -e '^- Go' -e '^- h2load'
    echo "- disk of the SQLite files: $(df -hT "$STORE_DIR" | awk 'NR == 2 { print $1 " (" $2 ")" }')"
    echo
    echo '```'
    echo "scripts/bench.sh store   # = bench/store-writes.sh: dotnet JourneyGrpc.Bench.StoreWrites.dll ${args[*]}"
    echo '```'
    echo
    grep -v '^RESULT ' <<<"$out"
    echo
    echo '```'
    grep '^RESULT ' <<<"$out"
    echo '```'
} | tee "$report"
log "report: $report"
