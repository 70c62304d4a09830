#!/usr/bin/env bash
# Unary echo benchmark: requests/s of /journeygrpc.bench.v1.EchoService/Echo through
# src/Rpc ("ours") vs raw Kestrel (the ceiling) vs grpc-go, with h2load, same run, loopback.
# Acceptance (issue "gRPC on Kestrel"): ours >= 0.85 x raw-kestrel and >= 1.4 x grpc-go.
#
# Environment (defaults):
#   DURATION=6 WARMUP=5 ROUNDS=5 PAYLOADS="2 1024" PEERS="ours raw-kestrel grpc-go"
#   CLIENTS=4 STREAMS=10      h2load -c / -m (one h2load thread: -t 1)
#   OURS_CMD=<runs bench/EchoServer>  OURS_PORT=50151  RAW_PORT=50152  GO_PORT=50153
#   REQUIRE_OURS=0            1: fail instead of skipping "ours" when it cannot be built/started
#   BENCH_OUT=.artifacts/bench   logs, request bodies, raw h2load output, report
#   MAX_OTHER=5 QUIET_MAX=15 QUIET_WAIT=20 QUIET_BUDGET=90   see "Noise" in bench/README.md
# Rounds alternate the peers (order rotated each round) so drift hits all of them; the
# table shows the median of the rounds (and the best). Before each round the script waits
# (bounded) for the machine to be idle, and it reports how much CPU other processes used
# during each round, because other sessions share this 2-core machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-6}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
PAYLOADS=${PAYLOADS:-"2 1024"}
PEERS=${PEERS:-"ours raw-kestrel grpc-go"}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
REQUIRE_OURS=${REQUIRE_OURS:-0}
MAX_OTHER=${MAX_OTHER:-5}   # % of the machine used by other work during a round before it is flagged

command -v h2load >/dev/null || die "h2load not found (apt-get install nghttp2-client)"
command -v curl >/dev/null || die "curl not found"
mkdir -p "$BENCH_OUT/raw"
trap stop_servers EXIT
trap 'exit 130' INT TERM

read -r -a peers <<<"$PEERS"
read -r -a payloads <<<"$PAYLOADS"
has_peer() { [[ " ${peers[*]} " == *" $1 "* ]]; }
drop_peer() { local p out=(); for p in "${peers[@]}"; do [[ $p == "$1" ]] || out+=("$p"); done; peers=("${out[@]}"); }
skip_ours() {
    (( REQUIRE_OURS == 0 )) || die "$1"
    log "WARNING: skipping ours: $1"
    OURS_SKIPPED=$1
    drop_peer ours
}
OURS_SKIPPED=""

port_of() { case $1 in ours) echo "$OURS_PORT" ;; raw-kestrel) echo "$RAW_PORT" ;; grpc-go) echo "$GO_PORT" ;; *) die "unknown peer $1" ;; esac; }

# --- build -------------------------------------------------------------------------
has_peer raw-kestrel && build_raw_kestrel
has_peer grpc-go && build_grpc_go
if has_peer ours && [[ -z ${OURS_CMD:-} ]]; then
    build_dotnet ours bench/EchoServer || skip_ours "bench/EchoServer does not build yet (see $BENCH_OUT/build-ours.log)"
fi
OURS_CMD=${OURS_CMD:-$OURS_CMD_DEFAULT}
(( ${#peers[@]} > 0 )) || die "no peer left to measure"

for size in "${payloads[@]}"; do write_frame "$size" "$BENCH_OUT/echo-$size.bin"; done

# --- start and verify --------------------------------------------------------------
has_peer raw-kestrel && start_server raw-kestrel "$RAW_PORT" "dotnet '$RAW_DLL' --urls http://127.0.0.1:$RAW_PORT"
has_peer grpc-go && start_server grpc-go "$GO_PORT" "'$GO_BIN' -addr 127.0.0.1:$GO_PORT"
if has_peer ours; then
    start_server ours "$OURS_PORT" "$OURS_CMD"
fi
for peer in "${peers[@]}"; do
    if [[ $peer == ours ]]; then
        if ! (wait_ready ours "$OURS_PORT" "$BENCH_OUT/echo-${payloads[0]}.bin"); then
            skip_ours "our server did not answer a correct echo (log: $BENCH_OUT/ours.log)"
            continue
        fi
    else
        wait_ready "$peer" "$(port_of "$peer")" "$BENCH_OUT/echo-${payloads[0]}.bin"
    fi
done
for peer in "${peers[@]}"; do
    for size in "${payloads[@]}"; do
        check_echo "$(port_of "$peer")" "$BENCH_OUT/echo-$size.bin" || die "$peer: wrong echo for a $size B payload"
    done
done
log "correctness: every peer echoes each payload byte-for-byte with grpc-status 0"

# --- measure -------------------------------------------------------------------------
# h2load_run PEER SIZE SECONDS OUTFILE — prints req/s, or "fail" when any request failed.
h2load_run() {
    local port out rps failed errored non2xx
    port=$(port_of "$1")
    out=$4
    h2load -c "$CLIENTS" -m "$STREAMS" -D "$3" -t 1 \
        -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$BENCH_OUT/echo-$2.bin" "http://127.0.0.1:$port$ECHO_PATH" >"$out" 2>&1 || true
    rps=$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$out")
    failed=$(sed -n 's/^requests: .* \([0-9]*\) failed, \([0-9]*\) errored.*/\1 \2/p' "$out")
    non2xx=$(sed -n 's/^status codes: [0-9]* 2xx, \([0-9]*\) 3xx, \([0-9]*\) 4xx, \([0-9]*\) 5xx.*/\1 \2 \3/p' "$out")
    read -r failed errored <<<"${failed:-x x}"
    if [[ -z $rps || $failed != 0 || $errored != 0 || $non2xx != "0 0 0" ]]; then
        echo fail
    else
        printf '%.0f\n' "$rps"
    fi
}

total=$(( ${#peers[@]} * ${#payloads[@]} * (WARMUP + ROUNDS * DURATION) ))
log "measuring ${peers[*]} x payloads ${payloads[*]} B: warm-up ${WARMUP}s each, $ROUNDS rounds x ${DURATION}s (~${total}s)"

for size in "${payloads[@]}"; do
    for peer in "${peers[@]}"; do
        log "warm-up $peer ${size} B"
        h2load_run "$peer" "$size" "$WARMUP" "$BENCH_OUT/raw/warmup-$peer-$size.txt" >/dev/null
    done
done

declare -A results others
NOISY=()
for (( round = 1; round <= ROUNDS; round++ )); do
    # Rotate the order each round so no peer always runs first (or right after another).
    order=("${peers[@]:$(( (round - 1) % ${#peers[@]} ))}" "${peers[@]:0:$(( (round - 1) % ${#peers[@]} ))}")
    for size in "${payloads[@]}"; do
        for peer in "${order[@]}"; do
            wait_quiet
            pidvar="PID_${peer//-/_}"
            sys0=$(cpu_sample) srv0=$(tree_ticks "${!pidvar}") kid0=$(child_ticks)
            rps=$(h2load_run "$peer" "$size" "$DURATION" "$BENCH_OUT/raw/round$round-$peer-$size.txt")
            sys1=$(cpu_sample) srv1=$(tree_ticks "${!pidvar}") kid1=$(child_ticks)
            # Share of the whole machine used by anything but this server and h2load during the run.
            other=$(awk -v a="$sys0" -v b="$sys1" -v s=$(( srv1 - srv0 )) -v k=$(( kid1 - kid0 )) \
                'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2]; o = d > 0 ? 100 * (y[1] - x[1] - s - k) / d : 0; printf "%d", (o < 0 ? 0 : o) }')
            log "round $round: $peer ${size} B: $rps req/s (other load ${other}%)"
            results[$peer,$size]+="$rps "
            others[$peer,$size]+="$other% "
            (( other <= MAX_OTHER )) || NOISY+=("round $round $peer ${size} B: ${other}%")
        done
    done
done

# Correctness again after the load: a server that broke under load must not report numbers.
for peer in "${peers[@]}"; do
    for size in "${payloads[@]}"; do
        check_echo "$(port_of "$peer")" "$BENCH_OUT/echo-$size.bin" || die "$peer: wrong echo for a $size B payload after the load"
    done
done

# --- report --------------------------------------------------------------------------
median() { tr ' ' '\n' | grep -v '^$' | { grep -v fail || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "fail"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
best() { tr ' ' '\n' | grep -v '^$' | { grep -v fail || true; } | sort -g | tail -n1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
fmt() { [[ $1 =~ ^[0-9]+$ ]] && printf "%'d" "$1" 2>/dev/null || printf '%s' "${1:-n/a}"; }
cell() { [[ -n ${results[$1,$2]:-} ]] && median <<<"${results[$1,$2]}" || echo "n/a"; }
bestcell() { [[ -n ${results[$1,$2]:-} ]] && best <<<"${results[$1,$2]}" || echo "n/a"; }

report=$BENCH_OUT/unary-echo-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## Unary echo, h2load (median of $ROUNDS rounds x ${DURATION}s, after ${WARMUP}s warm-up per peer and payload)"
    echo
    machine_info
    echo
    echo '```'
    echo "h2load -c $CLIENTS -m $STREAMS -D $DURATION -t 1 -H 'content-type: application/grpc' -H 'te: trailers' -d echo-<size>.bin http://127.0.0.1:<port>$ECHO_PATH"
    echo '```'
    echo
    echo "| payload | ours req/s | raw-kestrel req/s | grpc-go req/s | ours / raw-kestrel (>= 0.85) | ours / grpc-go (>= 1.40) | raw-kestrel / grpc-go | ours needed |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        o=$(cell ours "$size") r=$(cell raw-kestrel "$size") g=$(cell grpc-go "$size")
        need=$(awk -v r="$r" -v g="$g" 'BEGIN { n = 0; if (r ~ /^[0-9.]+$/) n = 0.85 * r; if (g ~ /^[0-9.]+$/ && 1.4 * g > n) n = 1.4 * g; if (n > 0) printf "%.0f", n; else printf "n/a" }')
        echo "| $size B | $(fmt "$o") | $(fmt "$r") | $(fmt "$g") | $(ratio "$o" "$r") | $(ratio "$o" "$g") | $(ratio "$r" "$g") | $(fmt "$need") |"
    done
    echo
    echo "Ratios on the best round instead of the median:"
    echo
    echo "| payload | ours / raw-kestrel | ours / grpc-go | raw-kestrel / grpc-go |"
    echo "|---|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        o=$(bestcell ours "$size") r=$(bestcell raw-kestrel "$size") g=$(bestcell grpc-go "$size")
        echo "| $size B | $(ratio "$o" "$r") | $(ratio "$o" "$g") | $(ratio "$r" "$g") |"
    done
    echo
    echo "Every round (req/s; order rotated per round; other load = CPU share of the machine used by other processes during the round):"
    echo
    echo "| payload | peer | rounds (req/s) | other load | median | best |"
    echo "|---|---|---|---|---:|---:|"
    for size in "${payloads[@]}"; do
        for peer in "${peers[@]}"; do
            echo "| $size B | $peer | ${results[$peer,$size]% } | ${others[$peer,$size]% } | $(fmt "$(median <<<"${results[$peer,$size]}")") | $(fmt "$(best <<<"${results[$peer,$size]}")") |"
        done
    done
    if (( ${#NOISY[@]} > 0 )); then
        echo
        echo "Rounds disturbed by other load (> ${MAX_OTHER}% of the machine): ${#NOISY[@]} of $(( ROUNDS * ${#peers[@]} * ${#payloads[@]} )) — ${NOISY[*]}"
    fi
    if [[ -n $OURS_SKIPPED ]]; then
        echo
        echo "ours was not measured: $OURS_SKIPPED"
    fi
    echo
    verdict=""
    if has_peer ours; then
        verdict="PASS"
        for size in "${payloads[@]}"; do
            o=$(cell ours "$size") r=$(cell raw-kestrel "$size") g=$(cell grpc-go "$size")
            awk -v o="$o" -v r="$r" -v g="$g" 'BEGIN { ok = (o ~ /^[0-9.]+$/); if (r ~ /^[0-9.]+$/) ok = ok && o >= 0.85 * r; if (g ~ /^[0-9.]+$/) ok = ok && o >= 1.4 * g; exit !ok }' || verdict="FAIL"
        done
        echo "Acceptance (ours >= 0.85 x raw-kestrel and >= 1.4 x grpc-go at every payload): **$verdict**"
    fi
} | tee "$report"
log "report written to $report (raw h2load output in $BENCH_OUT/raw/)"
