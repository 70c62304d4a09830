#!/usr/bin/env bash
# The three stores side by side, in one run: durable writes/s (group commit vs one transaction per write,
# WRITERS concurrent writers) on SQLite (WAL, synchronous=FULL), LiteDB (log fsynced after each commit)
# and PostgreSQL (a throwaway cluster: initdb + pg_ctl, fsync=on); then journey search latency at
# SEARCH_JOURNEYS x 5 engagements (default 100,000) through the gRPC API on each (bench/JourneyScale).
# Acceptance (issue "store"): group commit >= 10x one transaction per write on SQLite. Issue 15 (LiteDB
# as the embedded default): LiteDB group commit >= 1/2 of SQLite's and its search p99 <= 2x SQLite's.
#
# Environment (defaults): WRITERS=64 DURATION=10 WARMUP=2 ROUNDS=3 PROVIDERS=sqlite,litedb,postgres
#   SEARCH_JOURNEYS=20000 SEARCH_QUERIES=1000 (SEARCH=0 skips the search part)
#   STORE_DIR=$BENCH_OUT/store (SQLite files; put it on the disk you want to measure)
#   QUIET_MAX / QUIET_WAIT / QUIET_BUDGET as in bench/unary-echo.sh; QUIET_RUN_WAIT=30: before each of the
#   runs the benchmark itself waits up to this many seconds for the machine to be at most QUIET_MAX % busy.
# Bounded: ROUNDS x providers x 2 x (WARMUP + DURATION + QUIET_RUN_WAIT) = 3 x 3 x 2 x 42 s = 756 s, plus build and
# cluster start; the search part at most 1500 s per provider (--budget-seconds), about 5 min each on 2 cores.
# Output: .artifacts/bench/store-writes-<time>.md
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WRITERS=${WRITERS:-64}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-3}
PROVIDERS=${PROVIDERS:-sqlite,litedb,postgres}
SEARCH=${SEARCH:-1}
SEARCH_JOURNEYS=${SEARCH_JOURNEYS:-20000}
SEARCH_QUERIES=${SEARCH_QUERIES:-1000}
SCALE_DLL=$BENCH_ROOT/bench/JourneyScale/bin/Release/net10.0/JourneyGrpc.Bench.JourneyScale.dll
STORE_DIR=${STORE_DIR:-$BENCH_OUT/store}
DLL=$BENCH_ROOT/bench/StoreWrites/bin/Release/net10.0/JourneyGrpc.Bench.StoreWrites.dll

mkdir -p "$BENCH_OUT" "$STORE_DIR"
[[ $PROVIDERS == *postgres* ]] && ensure_debian_packages postgresql
require_dotnet_build store-writes bench/StoreWrites
if (( SEARCH )); then
    require_dotnet_build journey-scale bench/JourneyScale
fi
report=$BENCH_OUT/store-writes-$(date -u +%Y%m%dT%H%M%SZ).md
args=(--writers "$WRITERS" --duration "$DURATION" --warmup "$WARMUP" --rounds "$ROUNDS" --providers "$PROVIDERS" --folder "$STORE_DIR"
    --quiet-max "$QUIET_MAX" --quiet-wait "${QUIET_RUN_WAIT:-30}")
wait_quiet
log "dotnet bench/StoreWrites/…/JourneyGrpc.Bench.StoreWrites.dll ${args[*]}"
out=$(timeout 1200 dotnet "$DLL" "${args[@]}")
search=""
if (( SEARCH )); then
    for provider in ${PROVIDERS//,/ }; do
        scale_args=(--provider "$provider" --small-journeys $(( SEARCH_JOURNEYS / 10 )) --journeys "$SEARCH_JOURNEYS" --queries "$SEARCH_QUERIES" --warmup 200
            --output "$BENCH_OUT/journey-scale-$provider.md")
        wait_quiet
        log "dotnet bench/JourneyScale/…/JourneyGrpc.Bench.JourneyScale.dll ${scale_args[*]}"
        # Exit code 1 only means p99 >= 20 ms (that benchmark's own acceptance); the numbers are what counts here.
        search+=$(timeout 1600 dotnet "$SCALE_DLL" "${scale_args[@]}" 2>/dev/null | grep '^SEARCH ' || true)$'\n'
    done
fi

# median of the group-commit rounds of one provider, from the RESULT lines
group_median() {
    grep "^RESULT .* provider=$1 group_commit=True " <<<"$out" | sed 's/.* writes_per_s=\([0-9]*\).*/\1/' | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
search_p99() { grep "^SEARCH provider=$1 " <<<"$search" | sed 's/.* p99_ms=\([0-9.]*\).*/\1/'; }
{
    echo "# Store: durable writes and journey search, $(tr , / <<<"$PROVIDERS") ($(date -u +%Y-%m-%d), commit $(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null))"
    echo
    machine_info | grep -v -e '^- Go' -e '^- h2load'
    echo "- disk of the SQLite and LiteDB files: $(df -hT "$STORE_DIR" | awk 'NR == 2 { print $1 " (" $2 ")" }')"
    echo
    echo '```'
    echo "scripts/bench.sh store   # = bench/store-writes.sh: dotnet JourneyGrpc.Bench.StoreWrites.dll ${args[*]}"
    echo '```'
    echo
    grep -v '^RESULT ' <<<"$out"
    echo
    echo '```'
    grep '^RESULT ' <<<"$out"
    grep '^SEARCH ' <<<"$search" || true
    echo '```'
    if (( SEARCH )); then
        echo
        echo "| store | durable writes/s, group commit (median) | journey search p99 ms, one e-mail, $(( SEARCH_JOURNEYS * 5 )) engagements | p50 ms |"
        echo "|---|---:|---:|---:|"
        for provider in ${PROVIDERS//,/ }; do
            echo "| $provider | $(group_median "$provider") | $(search_p99 "$provider") | $(grep "^SEARCH provider=$provider " <<<"$search" | sed 's/.* p50_ms=\([0-9.]*\).*/\1/') |"
        done
        lw=$(group_median litedb); sw=$(group_median sqlite); lp=$(search_p99 litedb); sp=$(search_p99 sqlite)
        if [[ -n $lw && -n $sw && -n $lp && -n $sp ]]; then
            echo
            awk -v lw="$lw" -v sw="$sw" -v lp="$lp" -v sp="$sp" 'BEGIN {
                w = lw / sw; p = lp / sp
                printf "- LiteDB vs SQLite: group-commit writes/s %.2fx (needs >= 0.5: %s), search p99 %.2fx (needs <= 2: %s)\n", w, (w >= 0.5 ? "met" : "NOT met"), p, (p <= 2 ? "met" : "NOT met")
                printf "- default rule, measured part: %s (the crash test and the fsync-per-commit test are the rest of the rule)\n", (w >= 0.5 && p <= 2 ? "LiteDB qualifies" : "SQLite stays the default")
            }'
        fi
    fi
} | tee "$report"
log "report: $report"
