#!/usr/bin/env bash
# Telemetry cost on the unary echo: bench/EchoServer with telemetry off (the default: no OpenTelemetry at all)
# against the same server with telemetry on in three ways, same run, rounds rotating, h2load as in
# unary-echo.sh. Every server runs with the server's own console log (--console-log=true: JSON lines at
# src/Server/appsettings.json's levels), as src/Server runs; with it ASP.NET Core starts an activity for
# every request, telemetry on or off.
#   metrics         --Telemetry:Prometheus=true: rpc.server.duration, ASP.NET Core and runtime metrics;
#                   /metrics scraped once per round while measuring
#   traced-1pct     the same metrics, and traces to an OTLP collector (Telemetry:OtlpMetrics=false: metrics stay
#                   on the one Prometheus path), Telemetry:SamplingRatio=0.01; the collector is
#                   bench/peers/RawKestrel's on loopback (accepts and drops every batch, so the server pays for
#                   building and sending them as with a real collector)
#   traced-all      the same with SamplingRatio=1 (the default unless OTEL_TRACES_SAMPLER is set, given here so the
#                   environment cannot change it): every call traced and exported
# Acceptance (issue 16): telemetry on >= 0.9 x telemetry off. Besides the medians of req/s, the report gives
# the median of each round's on / off (both measured in the same round, so drift of this shared
# machine between rounds cancels) and the server's CPU per call.
#
# Environment (defaults): DURATION=5 WARMUP=5 ROUNDS=5 PAYLOAD=1024 CLIENTS=4 STREAMS=10 CONSOLE_LOG=true
#   OFF_PORT=50171 ON_PORT=50172 (and the next two) OTLP_PORT=50179 BENCH_OUT=.artifacts/bench
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
PAYLOAD=${PAYLOAD:-1024}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
CONSOLE_LOG=${CONSOLE_LOG:-true}
OFF_PORT=${OFF_PORT:-50171}
ON_PORT=${ON_PORT:-50172}
OTLP_PORT=${OTLP_PORT:-50179}
OTLP="--Telemetry:OtlpEndpoint=http://127.0.0.1:$OTLP_PORT"
ON_NAMES=(metrics traced-1pct traced-all)
declare -A ON_ARGS=(
    [metrics]="--Telemetry:Prometheus=true"
    [traced-1pct]="--Telemetry:Prometheus=true $OTLP --Telemetry:OtlpMetrics=false --Telemetry:SamplingRatio=0.01"
    [traced-all]="--Telemetry:Prometheus=true $OTLP --Telemetry:OtlpMetrics=false --Telemetry:SamplingRatio=1"
)
SERVER_ARGS="--console-log=$CONSOLE_LOG"
declare -A PORTS=([telemetry-off]=$OFF_PORT [metrics]=$ON_PORT [traced-1pct]=$(( ON_PORT + 1 )) [traced-all]=$(( ON_PORT + 2 )))
PEERS=(telemetry-off "${ON_NAMES[@]}")

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
start_server telemetry-off "$OFF_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$OFF_PORT $SERVER_ARGS"
for name in "${ON_NAMES[@]}"; do
    start_server "$name" "${PORTS[$name]}" "dotnet '$OURS_DLL' --urls http://127.0.0.1:${PORTS[$name]} $SERVER_ARGS ${ON_ARGS[$name]}"
done
for peer in "${PEERS[@]}"; do wait_ready "$peer" "${PORTS[$peer]}" "$BENCH_OUT/telemetry-echo.bin"; done

# The echo server has no REST port: its one (h2c) listener serves /metrics when it is on.
scrape() { curl -sS --max-time 5 --http2-prior-knowledge "http://127.0.0.1:$1/metrics"; }
prometheus() { [[ ${ON_ARGS[$1]:-} == *Telemetry:Prometheus=true* ]]; }
for name in "${ON_NAMES[@]}"; do
    prometheus "$name" || continue
    scrape "${PORTS[$name]}" | grep -q 'rpc_server_duration_milliseconds_count{.*rpc_method="Echo"' || die "$name: /metrics has no rpc.server.duration for Echo"
done
[[ $(curl -s -o /dev/null -w '%{http_code}' --http2-prior-knowledge "http://127.0.0.1:$OFF_PORT/metrics") == 404 ]] || die "telemetry-off serves /metrics"
log "correctness: all echo with grpc-status 0; Prometheus on counts Echo in /metrics, telemetry-off has no /metrics"

# run PEER SECONDS OUT — req/s, or "fail" when any request failed.
run() {
    local port=${PORTS[$1]} rps
    h2load -c "$CLIENTS" -m "$STREAMS" -D "$2" -t 1 -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$BENCH_OUT/telemetry-echo.bin" "http://127.0.0.1:$port$ECHO_PATH" >"$3" 2>&1 || true
    rps=$(h2load_rps "$3")
    if [[ -z $rps ]] || ! h2load_clean "$3"; then echo fail; else printf '%.0f\n' "$rps"; fi
}

for peer in "${PEERS[@]}"; do run "$peer" "$WARMUP" "$BENCH_OUT/raw/telemetry-warmup-$peer.txt" >/dev/null; done
declare -A results=() cpu=()
for (( round = 1; round <= ROUNDS; round++ )); do
    # Each round starts one peer later, so no peer always runs first or right after another.
    order=("${PEERS[@]:$(( (round - 1) % ${#PEERS[@]} ))}" "${PEERS[@]:0:$(( (round - 1) % ${#PEERS[@]} ))}")
    for peer in "${order[@]}"; do
        wait_quiet
        scraper=""
        if prometheus "$peer"; then
            { sleep $(( DURATION / 2 )); scrape "${PORTS[$peer]}" >/dev/null; } &
            scraper=$!
        fi
        pidvar="PID_${peer//-/_}"
        ticks=$(tree_ticks "${!pidvar}")
        out=$BENCH_OUT/raw/telemetry-round$round-$peer.txt
        rps=$(run "$peer" "$DURATION" "$out")
        ticks=$(( $(tree_ticks "${!pidvar}") - ticks ))
        [[ -z $scraper ]] || wait "$scraper"
        [[ $rps == fail ]] && die "$peer: failed requests in round $round (see $out)"
        # Server CPU per call in µs: clock ticks x (10^6 / ticks per second) / calls.
        us=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$(awk '/^requests:/ { print $2 }' "$out")" 'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }')
        log "round $round: $peer $rps req/s, $us µs CPU per call"
        results[$peer]+="$rps "
        cpu[$peer]+="$us "
    done
done

off=$(median_of "${results[telemetry-off]}")
declare -A median ratio pair
for name in "${ON_NAMES[@]}"; do
    median[$name]=$(median_of "${results[$name]}")
    ratio[$name]=$(awk -v a="${median[$name]}" -v b="$off" 'BEGIN { printf "%.2f", a / b }')
    pair[$name]=$(paired_median "${results[$name]}" "${results[telemetry-off]}")
done
verdict() { awk -v r="$1" 'BEGIN { print (r >= 0.9 ? "pass" : "FAIL") }'; }
report=$BENCH_OUT/telemetry-echo-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## Unary echo with telemetry on and off (h2load, $ROUNDS rounds x ${DURATION}s, ${PAYLOAD} B)"
    echo
    machine_info
    echo
    echo "Every server: \`$SERVER_ARGS\`."
    echo
    echo "| server | req/s (median) | rounds | / off (medians) | / off (median of rounds) | CPU µs per call (median) | rounds |"
    echo "|---|---:|---|---:|---:|---:|---|"
    echo "| telemetry off (default) | $off | ${results[telemetry-off]}| 1.00 | 1.00 | $(median_real "${cpu[telemetry-off]}") | ${cpu[telemetry-off]}|"
    for name in "${ON_NAMES[@]}"; do
        echo "| $name: \`${ON_ARGS[$name]}\` | ${median[$name]} | ${results[$name]}| **${ratio[$name]}** ($(verdict "${ratio[$name]}") >= 0.90) | ${pair[$name]} | $(median_real "${cpu[$name]}") | ${cpu[$name]}|"
    done
    echo
    echo "Command: \`scripts/bench.sh telemetry\`"
} | tee "$report"
log "report: $report"
