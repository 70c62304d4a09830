#!/usr/bin/env bash
# The create-engagement write path against the store's own ceiling, in one run (bench/WritePath), per store
# (SQLite, the default embedded store, and LiteDB) and round, interleaved: the exact batch of one
# CreateEngagement (built by the product's code) written straight to the store at the same concurrency
# (the ceiling, in batches/s), then CreateEngagement through gRPC and through the in-process REST gateway,
# the load client in a separate process. Reports calls/s, p50/p99, server CPU per call, store reads,
# batches, records and conflicts per call (a counting IJourneyStore around the product's store).
# Acceptance (issue 19): gRPC create >= 0.5 x ceiling; REST >= 0.8 x gRPC.
#
# Environment (defaults): CONCURRENCY=32 DURATION=10 WARMUP=3 ROUNDS=3 PROVIDERS=sqlite,litedb
#   STORE_DIR=$BENCH_OUT/write-path (the database files; put it on the disk you want to measure)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CONCURRENCY=${CONCURRENCY:-32} DURATION=${DURATION:-10} WARMUP=${WARMUP:-3} ROUNDS=${ROUNDS:-3} PROVIDERS=${PROVIDERS:-sqlite,litedb}
STORE_DIR=${STORE_DIR:-$BENCH_OUT/write-path}
mkdir -p "$BENCH_OUT" "$STORE_DIR"
report="$BENCH_OUT/write-path-$(date -u +%Y%m%dT%H%M%SZ).md"
require_dotnet_build write-path bench/WritePath
args=(--concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" --rounds "$ROUNDS" --providers "$PROVIDERS" --folder "$STORE_DIR")
log "write path: ${args[*]}"
out=$(dotnet "$BENCH_ROOT/bench/WritePath/bin/Release/net10.0/JourneyGrpc.Bench.WritePath.dll" "${args[@]}")
{
    echo "# Write path: CreateEngagement vs the store's ceiling for its batch, $(tr , / <<<"$PROVIDERS") ($(date -u +%Y-%m-%d), commit $(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null))"
    echo
    machine_info | grep -v -e '^- Go' -e '^- h2load'
    echo
    echo '```'
    echo "scripts/bench.sh writes   # = bench/write-path.sh: dotnet JourneyGrpc.Bench.WritePath.dll ${args[*]}"
    grep '^RESULT ' <<<"$out"
    echo '```'
    echo
    grep -v '^RESULT ' <<<"$out"
} | tee "$report"
log "report: $report"
