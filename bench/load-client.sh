#!/usr/bin/env bash
# bench/LoadClient runs: the generated typed client over Grpc.Net.Client against a live server.
#   bench/load-client.sh stream   one server-streaming EchoStream call receiving STREAM_COUNT messages: messages/s,
#                                 ours and grpc-go in one run (same client, same payloads)
#   bench/load-client.sh unary    unary Echo at CONCURRENCY over CONNECTIONS: requests/s, p50/p99 latency
#   bench/load-client.sh all      both
# Environment (defaults):
#   PAYLOADS="2 1024"  STREAM_COUNT=3000000  STREAM_WARMUP_COUNT=1000000
#   CONCURRENCY=40  CONNECTIONS=1  DURATION=10  WARMUP=5
#   TARGETS="ours"    unary; may add raw-kestrel and grpc-go (wire-identical Echo), e.g. TARGETS="ours raw-kestrel grpc-go"
#   STREAM_TARGETS="ours grpc-go"   stream (raw Kestrel has no EchoStream)
#   OURS_CMD / OURS_PORT / RAW_PORT / GO_PORT / BENCH_OUT as in bench/unary-echo.sh
# The load client shares the 2 cores with the server, so compare numbers only within one run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=${1:-all}
case $MODE in stream | unary | all) ;; *) die "usage: $0 [stream|unary|all]" ;; esac
PAYLOADS=${PAYLOADS:-"2 1024"}
STREAM_COUNT=${STREAM_COUNT:-3000000}
STREAM_WARMUP_COUNT=${STREAM_WARMUP_COUNT:-1000000}
CONCURRENCY=${CONCURRENCY:-40}
CONNECTIONS=${CONNECTIONS:-1}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
TARGETS=${TARGETS:-ours}
STREAM_TARGETS=${STREAM_TARGETS:-"ours grpc-go"}

mkdir -p "$BENCH_OUT"
trap stop_servers EXIT
trap 'exit 130' INT TERM
read -r -a payloads <<<"$PAYLOADS"
read -r -a unary_targets <<<"$TARGETS"
read -r -a stream_targets <<<"$STREAM_TARGETS"
targets=()
[[ $MODE == stream ]] || targets+=("${unary_targets[@]}")
[[ $MODE == unary ]] || targets+=("${stream_targets[@]}")
read -r -a targets <<<"$(printf '%s\n' "${targets[@]}" | awk '!seen[$0]++' | tr '\n' ' ')"
CLIENT_DLL=$BENCH_ROOT/bench/LoadClient/bin/Release/net10.0/JourneyGrpc.Bench.LoadClient.dll

require_dotnet_build load-client bench/LoadClient
for size in "${payloads[@]}"; do write_frame "$size" "$BENCH_OUT/echo-$size.bin"; done

port_of() { case $1 in ours) echo "$OURS_PORT" ;; raw-kestrel) echo "$RAW_PORT" ;; grpc-go) echo "$GO_PORT" ;; *) die "unknown target $1" ;; esac; }
for target in "${targets[@]}"; do
    case $target in
        ours)
            if [[ -z ${OURS_CMD:-} ]]; then
                build_dotnet ours bench/EchoServer || die "bench/EchoServer does not build (see $BENCH_OUT/build-ours.log)"
            fi
            start_server ours "$OURS_PORT" "${OURS_CMD:-$OURS_CMD_DEFAULT}" ;;
        raw-kestrel) build_raw_kestrel; start_server raw-kestrel "$RAW_PORT" "dotnet '$RAW_DLL' --urls http://127.0.0.1:$RAW_PORT" ;;
        grpc-go) build_grpc_go; start_server grpc-go "$GO_PORT" "'$GO_BIN' -addr 127.0.0.1:$GO_PORT" ;;
        *) die "unknown target $target" ;;
    esac
done
for target in "${targets[@]}"; do wait_ready "$target" "$(port_of "$target")" "$BENCH_OUT/echo-${payloads[0]}.bin"; done

results=()
run_client() {
    local out
    log "LoadClient $*"
    out=$(dotnet "$CLIENT_DLL" "$@") || { echo "$out" >&2; die "LoadClient failed: $*"; }
    echo "$out" >&2
    results+=("$(grep '^RESULT ' <<<"$out")")
}

if [[ $MODE == stream || $MODE == all ]]; then
    for size in "${payloads[@]}"; do
        for target in "${stream_targets[@]}"; do
            run_client stream --address "http://127.0.0.1:$(port_of "$target")" --payload "$size" --count "$STREAM_COUNT" --warmup-count "$STREAM_WARMUP_COUNT"
            results[-1]="${results[-1]} target=$target"
        done
    done
fi
if [[ $MODE == unary || $MODE == all ]]; then
    for size in "${payloads[@]}"; do
        for target in "${targets[@]}"; do
            run_client unary --address "http://127.0.0.1:$(port_of "$target")" --payload "$size" --concurrency "$CONCURRENCY" \
                --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP"
            results[-1]="${results[-1]} target=$target"
        done
    done
fi

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
report=$BENCH_OUT/load-client-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## bench/LoadClient ($MODE)"
    echo
    machine_info
    echo
    if [[ $MODE != unary ]]; then
        echo "Server streaming, one EchoStream call of $STREAM_COUNT messages (after $STREAM_WARMUP_COUNT warm-up messages), read by the Grpc.Net.Client typed client"
        echo
        echo "| payload | server | messages/s (whole call) | messages/s (after first message) | seconds |"
        echo "|---|---|---:|---:|---:|"
        for r in "${results[@]}"; do
            [[ $(field mode "$r") == stream ]] || continue
            echo "| $(field payload "$r") B | $(field target "$r") | $(field msgs_per_s "$r") | $(field steady_msgs_per_s "$r") | $(field seconds "$r") |"
        done
        echo
    fi
    if [[ $MODE != stream ]]; then
        echo "Unary Echo, concurrency $CONCURRENCY over $CONNECTIONS connection(s), ${DURATION}s after ${WARMUP}s warm-up"
        echo
        echo "| payload | server | req/s | p50 ms | p99 ms | errors |"
        echo "|---|---|---:|---:|---:|---:|"
        for r in "${results[@]}"; do
            [[ $(field mode "$r") == unary ]] || continue
            echo "| $(field payload "$r") B | $(field target "$r") | $(field rps "$r") | $(field p50_ms "$r") | $(field p99_ms "$r") | $(field errors "$r") |"
        done
    fi
} | tee "$report"
log "report written to $report"
