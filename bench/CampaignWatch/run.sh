#!/usr/bin/env bash
# Campaign-status fan-out: SUBSCRIBERS watches of one tenant while RATE notifications/s are posted for
# DURATION s; every subscriber must get every event. Reports delivery latency p50/p99 and the
# server's resident memory before, during (max) and after. Loopback only; the server started here is
# stopped by its process id on exit. Output: .artifacts/bench/campaign-watch-<time>.md.
# Environment (defaults): SUBSCRIBERS=1000 RATE=1000 DURATION=60 CONNECTIONS=50 CAMPAIGN_PORT=50161
#   STORE=sqlite (or postgres with PG_CONNECTION='Host=...;Database=...;Username=...')
#   SERVER_ARGS='--CampaignStatus:WatchBufferSize=1024 ...' (extra server configuration)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

SUBSCRIBERS=${SUBSCRIBERS:-1000}
RATE=${RATE:-1000}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-50}
CAMPAIGN_PORT=${CAMPAIGN_PORT:-50161}
STORE=${STORE:-sqlite}
SERVER_ARGS=${SERVER_ARGS:-}
DLL=$BENCH_ROOT/bench/CampaignWatch/bin/Release/net10.0/JourneyGrpc.Bench.CampaignWatch.dll
DATA=$BENCH_OUT/campaign-watch-data

mkdir -p "$BENCH_OUT"
trap stop_servers EXIT
trap 'exit 130' INT TERM
build_dotnet campaign-watch bench/CampaignWatch || { tail -n 20 "$BENCH_OUT/build-campaign-watch.log" >&2; die "bench/CampaignWatch does not build (see $BENCH_OUT/build-campaign-watch.log)"; }

rm -rf "$DATA" && mkdir -p "$DATA"
case $STORE in
    sqlite) store_args="--Store:Provider=sqlite --Store:SqlitePath=$DATA/campaign.db" ;;
    postgres) [[ -n ${PG_CONNECTION:-} ]] || die "STORE=postgres needs PG_CONNECTION"; store_args="--Store:Provider=postgres '--Store:PostgresConnectionString=$PG_CONNECTION'" ;;
    *) die "STORE must be sqlite or postgres" ;;
esac
start_server campaign-watch "$CAMPAIGN_PORT" "dotnet '$DLL' serve --port $CAMPAIGN_PORT $store_args $SERVER_ARGS"
for _ in $(seq 1 120); do port_in_use "$CAMPAIGN_PORT" && break; sleep 0.5; done
port_in_use "$CAMPAIGN_PORT" || die "the campaign-watch server did not listen on $CAMPAIGN_PORT (log: $BENCH_OUT/campaign-watch.log)"

wait_quiet
command=(dotnet "$DLL" load --address "http://127.0.0.1:$CAMPAIGN_PORT" --subscribers "$SUBSCRIBERS" --rate "$RATE"
    --duration "$DURATION" --connections "$CONNECTIONS" --server-pid "$PID_campaign_watch")
log "${command[*]}"
cpu_before=$(cpu_sample)
status=0
out=$("${command[@]}") || status=$?
cpu_after=$(cpu_sample)
echo "$out"
busy=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2]; printf "%d", (d > 0 ? 100 * (y[1] - x[1]) / d : 0) }')

report=$BENCH_OUT/campaign-watch-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "# Campaign watch fan-out"
    echo
    machine_info
    echo "- store: $STORE; server args: ${SERVER_ARGS:-none}; machine busy during the run: ${busy}%"
    echo
    echo '```'
    echo "SUBSCRIBERS=$SUBSCRIBERS RATE=$RATE DURATION=$DURATION CONNECTIONS=$CONNECTIONS STORE=$STORE scripts/bench.sh campaign"
    echo "${command[*]}"
    echo '```'
    echo
    grep -E '^(RESULT|ERROR) ' <<<"$out" | sed 's/^/    /'
} >"$report"
log "report: $report"
exit "$status"
