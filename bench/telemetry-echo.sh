#!/usr/bin/env bash
# Telemetry cost on the unary echo: bench/EchoServer with telemetry off (the default: no OpenTelemetry at all)
# against the same server with metrics and tracing on (--Telemetry:Prometheus=true: rpc.server.duration,
# ASP.NET Core, runtime metrics; --Telemetry:OtlpEndpoint: every call traced, sampling ratio 1, spans and
# metrics batched and exported over OTLP/gRPC to bench/peers/RawKestrel's collector on loopback, which accepts
# and drops them, so the server pays for building and sending every batch as it would with a real collector),
# same run, rounds alternating, h2load as in unary-echo.sh. /metrics is scraped once per round while measuring.
# Acceptance (issue 16): telemetry-on >= 0.9 x telemetry-off.
#
# Environment (defaults): DURATION=5 WARMUP=5 ROUNDS=5 PAYLOAD=1024 CLIENTS=4 STREAMS=10
#   OFF_PORT=50171 ON_PORT=50172 OTLP_PORT=50179 BENCH_OUT=.artifacts/bench
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
PAYLOAD=${PAYLOAD:-1024}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
OFF_PORT=${OFF_PORT:-50171}
ON_PORT=${ON_PORT:-50172}
OTLP_PORT=${OTLP_PORT:-50179}
# What "on" means; override to find what costs what, e.g. ON_ARGS='--Telemetry:Prometheus=true' (metrics only).
ON_ARGS=${ON_ARGS:---Telemetry:Prometheus=true --Telemetry:OtlpEndpoint=http://127.0.0.1:$OTLP_PORT}

ensure_debian_packages nghttp2-client curl
mkdir -p "$BENCH_OUT/raw"
trap stop_servers EXIT
trap 'exit 130' INT TERM

build_dotnet ours bench/EchoServer || die "bench/EchoServer does not build (see $BENCH_OUT/build-ours.log)"
build_raw_kestrel
write_frame "$PAYLOAD" "$BENCH_OUT/telemetry-echo.bin"
port_in_use "$OTLP_PORT" && die "port $OTLP_PORT (the OTLP collector's) is in use; set OTLP_PORT"
start_server otlp-collector "$OTLP_PORT" "dotnet '$RAW_DLL' --urls http://127.0.0.1:$OTLP_PORT"
wait_ready otlp-collector "$OTLP_PORT" "$BENCH_OUT/telemetry-echo.bin"
start_server telemetry-off "$OFF_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$OFF_PORT"
start_server telemetry-on "$ON_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$ON_PORT $ON_ARGS"
wait_ready telemetry-off "$OFF_PORT" "$BENCH_OUT/telemetry-echo.bin"
wait_ready telemetry-on "$ON_PORT" "$BENCH_OUT/telemetry-echo.bin"

# The echo server has no REST port: its one (h2c) listener serves /metrics when it is on.
scrape() { curl -sS --max-time 5 --http2-prior-knowledge "http://127.0.0.1:$1/metrics"; }
scrape "$ON_PORT" | grep -q 'rpc_server_duration_milliseconds_count{.*rpc_method="Echo"' || die "telemetry-on: /metrics has no rpc.server.duration for Echo"
[[ $(curl -s -o /dev/null -w '%{http_code}' --http2-prior-knowledge "http://127.0.0.1:$OFF_PORT/metrics") == 404 ]] || die "telemetry-off serves /metrics"
log "correctness: both echo with grpc-status 0; telemetry-on counts Echo in /metrics, telemetry-off has no /metrics"

# run PEER SECONDS OUT — req/s, or "fail" when any request failed.
run() {
    local port=$OFF_PORT rps
    [[ $1 == telemetry-on ]] && port=$ON_PORT
    h2load -c "$CLIENTS" -m "$STREAMS" -D "$2" -t 1 -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$BENCH_OUT/telemetry-echo.bin" "http://127.0.0.1:$port$ECHO_PATH" >"$3" 2>&1 || true
    rps=$(h2load_rps "$3")
    if [[ -z $rps ]] || ! h2load_clean "$3"; then echo fail; else printf '%.0f\n' "$rps"; fi
}

for peer in telemetry-off telemetry-on; do run "$peer" "$WARMUP" "$BENCH_OUT/raw/telemetry-warmup-$peer.txt" >/dev/null; done
declare -A results=([telemetry-off]="" [telemetry-on]="")
for (( round = 1; round <= ROUNDS; round++ )); do
    order=(telemetry-off telemetry-on)
    (( round % 2 == 0 )) && order=(telemetry-on telemetry-off)
    for peer in "${order[@]}"; do
        wait_quiet
        scraper=""
        if [[ $peer == telemetry-on ]]; then
            { sleep $(( DURATION / 2 )); scrape "$ON_PORT" >/dev/null; } &
            scraper=$!
        fi
        rps=$(run "$peer" "$DURATION" "$BENCH_OUT/raw/telemetry-round$round-$peer.txt")
        [[ -z $scraper ]] || wait "$scraper"
        [[ $rps == fail ]] && die "$peer: failed requests in round $round (see $BENCH_OUT/raw/telemetry-round$round-$peer.txt)"
        log "round $round: $peer $rps req/s"
        results[$peer]+="$rps "
    done
done

off=$(median_of "${results[telemetry-off]}") on=$(median_of "${results[telemetry-on]}")
ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.2f", a / b }')
report=$BENCH_OUT/telemetry-echo-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## Unary echo with telemetry on and off (h2load, $ROUNDS rounds x ${DURATION}s, ${PAYLOAD} B)"
    echo
    machine_info
    echo
    echo "| server | req/s (median) | rounds |"
    echo "|---|---:|---|"
    echo "| telemetry off (default) | $off | ${results[telemetry-off]}|"
    echo "| metrics + tracing on (Prometheus, every call traced, OTLP batches to loopback) | $on | ${results[telemetry-on]}|"
    echo
    echo "telemetry-on / telemetry-off = **$ratio** (>= 0.90: $(awk -v r="$ratio" 'BEGIN { print (r >= 0.9 ? "pass" : "FAIL") }'))"
    echo
    echo "On: \`$ON_ARGS\`"
    echo
    echo "Command: \`scripts/bench.sh telemetry\`"
} | tee "$report"
log "report: $report"
