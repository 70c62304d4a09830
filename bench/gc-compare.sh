#!/usr/bin/env bash
# Garbage-collector settings compared on our echo server: each setting in turn, alternated ROUNDS
# times, a fresh server per run; per run h2load sends WARMUP_REQUESTS, then REQUESTS that are
# measured: req/s, the server's CPU per request (utime+stime of the process tree) and its peak RSS.
# Environment (defaults):
#   PAYLOAD=1024  ROUNDS=4  REQUESTS=400000  WARMUP_REQUESTS=200000  CLIENTS=4  STREAMS=10
#   SETTINGS="DOTNET_GCDynamicAdaptationMode=1 default"   each word: an environment assignment for
#                                                          the server, or "default" for none
#   OURS_PORT / BENCH_OUT as in bench/unary-echo.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAYLOAD=${PAYLOAD:-1024}
ROUNDS=${ROUNDS:-4}
REQUESTS=${REQUESTS:-400000}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-200000}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
SETTINGS=${SETTINGS:-"DOTNET_GCDynamicAdaptationMode=1 default"}

ensure_debian_packages nghttp2-client curl
command -v h2load >/dev/null || die "h2load not found (Debian nghttp2-client)"
mkdir -p "$BENCH_OUT/raw"
trap stop_servers EXIT
trap 'exit 130' INT TERM
read -r -a settings <<<"$SETTINGS"
build_dotnet ours bench/EchoServer || die "bench/EchoServer does not build (see $BENCH_OUT/build-ours.log)"
write_frame "$PAYLOAD" "$BENCH_OUT/echo-$PAYLOAD.bin"
tck=$(getconf CLK_TCK)

h2load_n() {
    h2load -c "$CLIENTS" -m "$STREAMS" -t 1 -n "$1" -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$BENCH_OUT/echo-$PAYLOAD.bin" "http://127.0.0.1:$OURS_PORT$ECHO_PATH"
}

declare -A rows
pidvar=PID_ours   # set by start_server
for (( round = 1; round <= ROUNDS; round++ )); do
    for setting in "${settings[@]}"; do
        env_prefix="" && [[ $setting == default ]] || env_prefix="env $setting "
        start_server ours "$OURS_PORT" "$env_prefix$OURS_CMD_DEFAULT"
        wait_ready ours "$OURS_PORT" "$BENCH_OUT/echo-$PAYLOAD.bin"
        h2load_n "$WARMUP_REQUESTS" >/dev/null
        wait_quiet
        before=$(tree_ticks "${!pidvar}")
        out=$BENCH_OUT/raw/gc-$round-${setting//[^A-Za-z0-9]/_}.txt
        h2load_n "$REQUESTS" >"$out"
        after=$(tree_ticks "${!pidvar}")
        rps=$(h2load_rps "$out")
        if [[ -z $rps ]] || ! h2load_clean "$out"; then
            die "$setting: some of the $REQUESTS requests failed (h2load output: $out)"
        fi
        hwm=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/${!pidvar}/status")
        cpu=$(awk -v t=$(( after - before )) -v hz="$tck" -v n="$REQUESTS" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }')
        log "round $round, $setting: $(printf '%.0f' "$rps") req/s, $cpu µs CPU per request, peak RSS $hwm MB"
        rows[$setting]+="$(printf '%.0f' "$rps"):$cpu:$hwm "
        stop_servers
    done
done

report=$BENCH_OUT/gc-compare-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## GC settings, bench/EchoServer, $PAYLOAD B unary echo ($ROUNDS rounds, h2load -c $CLIENTS -m $STREAMS -n $REQUESTS after $WARMUP_REQUESTS)"
    echo
    machine_info
    echo
    echo "| setting | req/s per run | CPU µs per request | peak RSS MB |"
    echo "|---|---|---|---|"
    for setting in "${settings[@]}"; do
        tr ' ' '\n' <<<"${rows[$setting]}" | awk -F: -v s="$setting" 'NF == 3 { r = r sep $1; c = c sep $2; m = m sep $3; sep = " · " } END { printf "| %s | %s | %s | %s |\n", s, r, c, m }'
    done
} | tee "$report"
log "report written to $report"
