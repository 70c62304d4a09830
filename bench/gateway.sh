#!/usr/bin/env bash
# The REST gateway's cost: unary Echo through the in-process gateway (JSON over HTTP/1.1,
# POST /v1/echo) against the same call over gRPC directly (h2c), in one run, served by one
# bench/EchoServer process that hosts both ports as src/Server does. Rounds alternate the two
# so drift and noise hit both alike. The client is h2load for both sides (CLIENT=h2load, default;
# p99 from --log-file, warm-up excluded), three series per round:
#   rest        REST over HTTP/1.1: --h1 -c CONCURRENCY -m 1 (one request in flight per connection,
#               all an HTTP/1.1 client can do)
#   grpc        gRPC over h2c in the same shape: -c CONCURRENCY -m 1          <- the acceptance pair
#   grpc-mux    gRPC over h2c multiplexed as unary-echo.sh: -c CONCURRENCY/10 -m 10 (context: what
#               HTTP/2 multiplexing adds, which HTTP/1.1 clients can't have)
# or bench/LoadClient (CLIENT=loadclient: "unary" over one HTTP/2 connection, "rest" over one
# HTTP/1.1 connection per worker; both .NET HttpClient, so the client's own cost counts).
#   bench/gateway.sh
# Environment (defaults): CLIENT=h2load  PAYLOADS="2"  CONCURRENCY=40  DURATION=10  WARMUP=3  ROUNDS=3
#   OURS_PORT=50151 (gRPC)  REST_PORT=50161 (REST)  BENCH_OUT  MIN_RATIO=0.60
# Acceptance (issue "REST gateway"): gateway req/s >= MIN_RATIO x direct gRPC req/s (medians, same
# concurrency and connection shape); the multiplexed ratio is reported beside it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAYLOADS=${PAYLOADS:-2}
CONCURRENCY=${CONCURRENCY:-40}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-3}
REST_PORT=${REST_PORT:-50161}
MIN_RATIO=${MIN_RATIO:-0.60}
CLIENT=${CLIENT:-h2load}
case $CLIENT in h2load | loadclient) ;; *) die "CLIENT must be h2load or loadclient" ;; esac
ensure_debian_packages nghttp2-client curl

mkdir -p "$BENCH_OUT"
trap stop_servers EXIT
trap 'exit 130' INT TERM
read -r -a payloads <<<"$PAYLOADS"
CLIENT_DLL=$BENCH_ROOT/bench/LoadClient/bin/Release/net10.0/JourneyGrpc.Bench.LoadClient.dll

require_dotnet_build load-client bench/LoadClient
require_dotnet_build ours bench/EchoServer
for size in "${payloads[@]}"; do
    write_frame "$size" "$BENCH_OUT/echo-$size.bin"
    # The same payload as the gRPC frame, as the method's JSON body.
    printf '{"payload":"%s"}' "$(tail -c "$size" "$BENCH_OUT/echo-$size.bin" | base64 -w0)" >"$BENCH_OUT/rest-$size.json"
done

port_in_use "$REST_PORT" && die "port $REST_PORT (REST) is already in use; set REST_PORT"
start_server ours "$OURS_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$OURS_PORT --rest-url http://127.0.0.1:$REST_PORT"
wait_ready ours "$OURS_PORT" "$BENCH_OUT/echo-${payloads[0]}.bin"
rest_reply=$(curl -sS --max-time 5 -H 'content-type: application/json' -d '{"payload":"AQg="}' "http://127.0.0.1:$REST_PORT/v1/echo") \
    || die "the REST gateway does not answer on port $REST_PORT"
[[ $rest_reply == '{"payload":"AQg="}' ]] || die "the REST gateway answered '$rest_reply', want '{\"payload\":\"AQg=\"}'"
log "REST gateway answers correctly on port $REST_PORT"

results=()
run_client() {
    local out
    log "LoadClient $*"
    out=$(dotnet "$CLIENT_DLL" "$@") || { echo "$out" >&2; die "LoadClient failed: $*"; }
    echo "$out" >&2
    results+=("$(grep '^RESULT ' <<<"$out")")
}

# run_h2load grpc|grpc-mux|rest SIZE — one h2load run; appends a RESULT line like LoadClient's.
run_h2load() {
    local kind=$1 size=$2 out log rps p99
    mkdir -p "$BENCH_OUT/raw"
    out="$BENCH_OUT/raw/gateway-$kind-$size-$(date +%H%M%S).txt" log="$out.log"
    if [[ $kind == grpc || $kind == grpc-mux ]]; then
        local connections=$CONCURRENCY streams=1
        [[ $kind == grpc-mux ]] && connections=$(( CONCURRENCY / 10 )) streams=10
        h2load -c "$connections" -m "$streams" -D "$DURATION" --warm-up-time="$WARMUP" -t 1 --log-file="$log" \
            -H 'content-type: application/grpc' -H 'te: trailers' \
            -d "$BENCH_OUT/echo-$size.bin" "http://127.0.0.1:$OURS_PORT$ECHO_PATH" >"$out" 2>&1 || true
    else
        h2load --h1 -c "$CONCURRENCY" -m 1 -D "$DURATION" --warm-up-time="$WARMUP" -t 1 --log-file="$log" \
            -H 'content-type: application/json' \
            -d "$BENCH_OUT/rest-$size.json" "http://127.0.0.1:$REST_PORT/v1/echo" >"$out" 2>&1 || true
    fi
    rps=$(h2load_rps "$out")
    # Latency (3rd column, microseconds) of every request logged; the log holds the measured window only.
    p99=$(awk -F'\t' '{ print $3 }' "$log" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.3f", v[i] / 1000 } }')
    local errors=0
    { [[ -z $rps ]] || ! h2load_clean "$out"; } && errors=1
    log "h2load $kind ${size} B: ${rps:-?} req/s, p99 $p99 ms (raw: $out)"
    local mode=rest
    [[ $kind == grpc ]] && mode=unary
    [[ $kind == grpc-mux ]] && mode=unary-mux
    results+=("RESULT mode=$mode payload=$size rps=$(printf '%.0f' "${rps:-0}") p99_ms=$p99 errors=$errors")
    rm -f "$log"
}

for (( round = 1; round <= ROUNDS; round++ )); do
    for size in "${payloads[@]}"; do
        order=(grpc rest)
        (( round % 2 == 0 )) && order=(rest grpc)
        [[ $CLIENT == h2load ]] && order+=(grpc-mux)
        for kind in "${order[@]}"; do
            wait_quiet
            if [[ $CLIENT == h2load || $kind == grpc-mux ]]; then
                run_h2load "$kind" "$size"
            elif [[ $kind == grpc ]]; then
                run_client unary --address "http://127.0.0.1:$OURS_PORT" --payload "$size" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP"
            else
                run_client rest --address "http://127.0.0.1:$REST_PORT" --payload "$size" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP"
            fi
            results[-1]="${results[-1]} round=$round"
        done
    done
done

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
values() {
    local mode=$1 size=$2 key=$3 r
    for r in "${results[@]}"; do
        if [[ $(field mode "$r") == "$mode" && $(field payload "$r") == "$size" ]]; then field "$key" "$r"; fi
    done
}

report=$BENCH_OUT/gateway-$(date -u +%Y%m%dT%H%M%SZ).md
verdict=PASS
{
    echo "## REST gateway vs direct gRPC (bench/gateway.sh)"
    echo
    machine_info
    echo
    echo "Unary Echo, $CONCURRENCY requests in flight, ${DURATION}s measured after ${WARMUP}s warm-up, $ROUNDS rounds (median), client: $CLIENT"
    if [[ $CLIENT == h2load ]]; then
        echo
        echo '```'
        echo "h2load -c $CONCURRENCY -m 1 -D $DURATION --warm-up-time=$WARMUP -t 1 --log-file=LOG -H 'content-type: application/grpc' -H 'te: trailers' -d echo-<size>.bin http://127.0.0.1:$OURS_PORT$ECHO_PATH   # grpc"
        echo "h2load -c $(( CONCURRENCY / 10 )) -m 10 -D $DURATION --warm-up-time=$WARMUP -t 1 --log-file=LOG -H 'content-type: application/grpc' -H 'te: trailers' -d echo-<size>.bin http://127.0.0.1:$OURS_PORT$ECHO_PATH   # grpc-mux"
        echo "h2load --h1 -c $CONCURRENCY -m 1 -D $DURATION --warm-up-time=$WARMUP -t 1 --log-file=LOG -H 'content-type: application/json' -d rest-<size>.json http://127.0.0.1:$REST_PORT/v1/echo   # rest"
        echo '```'
    fi
    echo
    echo "| payload | gRPC direct req/s | gRPC p99 ms | gateway req/s | gateway p99 ms | gateway / gRPC (>= $MIN_RATIO) | gRPC multiplexed req/s | p99 ms | gateway / multiplexed |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        g_rps=$(values unary "$size" rps | median); g_p99=$(values unary "$size" p99_ms | median)
        r_rps=$(values rest "$size" rps | median); r_p99=$(values rest "$size" p99_ms | median)
        m_rps=$(values unary-mux "$size" rps | median); m_p99=$(values unary-mux "$size" p99_ms | median)
        ratio=$(awk -v r="$r_rps" -v g="$g_rps" 'BEGIN { printf "%.2f", (g > 0 ? r / g : 0) }')
        mux_ratio=$(awk -v r="$r_rps" -v g="$m_rps" 'BEGIN { printf "%.2f", (g > 0 ? r / g : 0) }')
        awk -v x="$ratio" -v m="$MIN_RATIO" 'BEGIN { exit !(x >= m) }' || verdict=FAIL
        for r in "${results[@]}"; do [[ $(field errors "$r") == 0 ]] || verdict=FAIL; done
        echo "| $size B | $g_rps | $g_p99 | $r_rps | $r_p99 | $ratio | $m_rps | $m_p99 | $mux_ratio |"
    done
    echo
    echo "Runs:"
    for r in "${results[@]}"; do echo "- $r"; done
    echo
    echo "Acceptance (gateway >= $MIN_RATIO x direct gRPC, same concurrency and connection shape, on the medians): **$verdict**"
    echo "Machine load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other sessions share these 2 cores)"
} | tee "$report"
log "report written to $report"
