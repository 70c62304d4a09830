#!/usr/bin/env bash
# Unary echo benchmark: requests/s of /journeygrpc.bench.v1.EchoService/Echo through
# Grpc.AspNetCore with the server's own set-up (bench/EchoServer, "ours") vs plain Grpc.AspNetCore
# (bench/peers/GrpcAspNetCore, "grpc-aspnetcore": which part of the gap is the library's) vs raw Kestrel (the
# ceiling) vs grpc-go, with h2load, same run, loopback.
# Acceptance (the product on the official gRPC stack): ours >= 0.85 x raw-kestrel and >= 1.5 x grpc-go.
#
# Environment (defaults):
#   DURATION=5 WARMUP=5 ROUNDS=9 PAYLOADS="2 1024" PEERS="ours grpc-aspnetcore raw-kestrel grpc-go"
#   CLIENTS=4 STREAMS=10      h2load -c / -m (one h2load thread: -t 1)
#   OURS_CMD=<runs bench/EchoServer>  OURS_PORT=50151  RAW_PORT=50152  GO_PORT=50153  GRPC_ASPNETCORE_PORT=50154
#   REQUIRE_OURS=0            1: fail instead of skipping "ours" when it cannot be built/started
#   BENCH_OUT=.artifacts/bench   logs, request bodies, raw h2load output, report
#   MAX_OTHER=5 MIN_CLEAN=3 RETRY_BUDGET=45 QUIET_MAX=15 QUIET_WAIT=20 QUIET_BUDGET=45   see "Noise" in bench/README.md
# Rounds alternate the peers (order rotated each round) so drift hits all of them; the
# table shows the median of the clean rounds (and ratios on the best). Other sessions share
# this 2-core machine, so before each run the script waits (bounded) for it to be idle,
# measures how much CPU other processes used during the run, and retries noisy cells.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-9}
PAYLOADS=${PAYLOADS:-"2 1024"}
PEERS=${PEERS:-"ours grpc-aspnetcore raw-kestrel grpc-go"}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
REQUIRE_OURS=${REQUIRE_OURS:-0}
MAX_OTHER=${MAX_OTHER:-5}        # a run is clean when other processes used <= this % of the machine
MIN_CLEAN=${MIN_CLEAN:-3}        # retry a peer x payload with fewer clean runs ...
RETRY_BUDGET=${RETRY_BUDGET:-45} # ... for at most this many seconds in total

ensure_debian_packages nghttp2-client curl
command -v h2load >/dev/null || die "h2load not found (Debian nghttp2-client)"
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

port_of() { case $1 in ours) echo "$OURS_PORT" ;; grpc-aspnetcore) echo "$GRPC_ASPNETCORE_PORT" ;; raw-kestrel) echo "$RAW_PORT" ;; grpc-go) echo "$GO_PORT" ;; *) die "unknown peer $1" ;; esac; }

# --- build -------------------------------------------------------------------------
has_peer raw-kestrel && build_raw_kestrel
has_peer grpc-aspnetcore && build_grpc_aspnetcore
has_peer grpc-go && build_grpc_go
if has_peer ours && [[ -z ${OURS_CMD:-} ]]; then
    build_dotnet ours bench/EchoServer || skip_ours "bench/EchoServer does not build yet (see $BENCH_OUT/build-ours.log)"
fi
OURS_CMD=${OURS_CMD:-$OURS_CMD_DEFAULT}
(( ${#peers[@]} > 0 )) || die "no peer left to measure"

for size in "${payloads[@]}"; do write_frame "$size" "$BENCH_OUT/echo-$size.bin"; done

# --- start and verify --------------------------------------------------------------
has_peer raw-kestrel && start_server raw-kestrel "$RAW_PORT" "dotnet '$RAW_DLL' --urls http://127.0.0.1:$RAW_PORT"
has_peer grpc-aspnetcore && start_server grpc-aspnetcore "$GRPC_ASPNETCORE_PORT" "dotnet '$GRPC_ASPNETCORE_DLL' --urls http://127.0.0.1:$GRPC_ASPNETCORE_PORT"
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
    local port out rps
    port=$(port_of "$1")
    out=$4
    h2load -c "$CLIENTS" -m "$STREAMS" -D "$3" -t 1 \
        -H 'content-type: application/grpc' -H 'te: trailers' \
        -d "$BENCH_OUT/echo-$2.bin" "http://127.0.0.1:$port$ECHO_PATH" >"$out" 2>&1 || true
    rps=$(h2load_rps "$out")
    if [[ -z $rps ]] || ! h2load_clean "$out"; then
        echo fail
    else
        printf '%.0f\n' "$rps"
    fi
}

total=$(( ${#peers[@]} * ${#payloads[@]} * (WARMUP + ROUNDS * DURATION) ))
log "measuring ${peers[*]} x payloads ${payloads[*]} B: warm-up ${WARMUP}s each, $ROUNDS rounds x ${DURATION}s (~${total}s + up to ${QUIET_BUDGET}s quiet-wait + ${RETRY_BUDGET}s retries)"

for size in "${payloads[@]}"; do
    for peer in "${peers[@]}"; do
        log "warm-up $peer ${size} B"
        h2load_run "$peer" "$size" "$WARMUP" "$BENCH_OUT/raw/warmup-$peer-$size.txt" >/dev/null
    done
done

# runs[peer,size] = "rps:other rps:other ..." where other = % of the machine used by other
# processes during that run; a run is clean when other <= MAX_OTHER.
declare -A runs rounds
measure() {
    local peer=$1 size=$2 label=$3 pidvar="PID_${1//-/_}" sys0 srv0 kid0 sys1 srv1 kid1 rps other
    wait_quiet
    sys0=$(cpu_sample) srv0=$(tree_ticks "${!pidvar}") kid0=$(child_ticks)
    rps=$(h2load_run "$peer" "$size" "$DURATION" "$BENCH_OUT/raw/$label-$peer-$size.txt")
    sys1=$(cpu_sample) srv1=$(tree_ticks "${!pidvar}") kid1=$(child_ticks)
    other=$(awk -v a="$sys0" -v b="$sys1" -v s=$(( srv1 - srv0 )) -v k=$(( kid1 - kid0 )) \
        'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2]; o = d > 0 ? 100 * (y[1] - x[1] - s - k) / d : 0; printf "%d", (o < 0 ? 0 : o) }')
    log "$label: $peer ${size} B: $rps req/s (other load ${other}%)"
    runs[$peer,$size]+="$rps:$other "
    [[ $label == round* ]] && rounds[$peer,$size]+="$rps "
}
clean_count() { tr ' ' '\n' <<<"${runs[$1,$2]:-}" | awk -F: -v m="$MAX_OTHER" '$1 ~ /^[0-9]+$/ && $2 <= m { n++ } END { print n + 0 }'; }

for (( round = 1; round <= ROUNDS; round++ )); do
    # Rotate the order each round so no peer always runs first (or right after another).
    order=("${peers[@]:$(( (round - 1) % ${#peers[@]} ))}" "${peers[@]:0:$(( (round - 1) % ${#peers[@]} ))}")
    for size in "${payloads[@]}"; do
        for peer in "${order[@]}"; do measure "$peer" "$size" "round$round"; done
    done
done

# Retries: a peer x payload with fewer than MIN_CLEAN clean runs gets extra runs while the
# retry budget lasts, so that the table can rest on clean runs.
retry_end=$(( SECONDS + RETRY_BUDGET )) extra=0 progress=1
while (( progress )); do
    progress=0
    for size in "${payloads[@]}"; do
        for peer in "${peers[@]}"; do
            (( $(clean_count "$peer" "$size") < MIN_CLEAN )) || continue
            (( SECONDS + DURATION + 2 <= retry_end )) || continue
            extra=$(( extra + 1 )) progress=1
            measure "$peer" "$size" "retry$extra"
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
# stat PEER SIZE median|best — median over the clean runs (all runs when none is clean, then
# suffixed "*"); best over all runs (other load only ever lowers a run). "n/a" when absent.
stat() {
    tr ' ' '\n' <<<"${runs[$1,$2]:-}" | awk -F: -v m="$MAX_OTHER" -v what="$3" '
        $1 ~ /^[0-9]+$/ { all[++na] = $1; if ($2 <= m) clean[++nc] = $1; if ($1 > best) best = $1 }
        function med(v, n,   i, j, t) {
            for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
            return n % 2 ? v[(n + 1) / 2] : int((v[n / 2] + v[n / 2 + 1]) / 2 + 0.5)
        }
        END {
            if (na == 0) { print "n/a"; exit }
            if (what == "best") print best
            else if (nc > 0) print med(clean, nc)
            else print med(all, na) "*"
        }'
}
num() { printf '%s' "${1%\*}"; }
# paired A B SIZE — the median over the rounds of A's req/s over B's in the same round (drift between rounds cancels).
paired() { paired_median "${rounds[$1,$3]:-}" "${rounds[$2,$3]:-}"; }
ratio() { awk -v a="$(num "$1")" -v b="$(num "$2")" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
rounds_cell() { tr ' ' '\n' <<<"${runs[$1,$2]:-}" | awk -F: 'NF == 2 { printf "%s%s (%s%%)", sep, $1, $2; sep = ", " }'; }

report=$BENCH_OUT/unary-echo-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## Unary echo, h2load ($ROUNDS rounds x ${DURATION}s after ${WARMUP}s warm-up per peer and payload)"
    echo
    machine_info
    echo
    echo '```'
    echo "h2load -c $CLIENTS -m $STREAMS -D $DURATION -t 1 -H 'content-type: application/grpc' -H 'te: trailers' -d echo-<size>.bin http://127.0.0.1:<port>$ECHO_PATH"
    echo '```'
    echo
    echo "req/s = median of the clean runs (other load <= ${MAX_OTHER}% of the machine); * = no clean run, median of all runs."
    echo
    echo "| payload | ours req/s | raw-kestrel req/s | grpc-go req/s | ours / raw-kestrel (>= 0.85) | ours / grpc-go (>= 1.50) | raw-kestrel / grpc-go | ours needed |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        o=$(stat ours "$size" median) r=$(stat raw-kestrel "$size" median) g=$(stat grpc-go "$size" median)
        need=$(awk -v r="$(num "$r")" -v g="$(num "$g")" 'BEGIN { n = 0; if (r ~ /^[0-9.]+$/) n = 0.85 * r; if (g ~ /^[0-9.]+$/ && 1.5 * g > n) n = 1.5 * g; if (n > 0) printf "%.0f", n; else printf "n/a" }')
        echo "| $size B | $o | $r | $g | $(ratio "$o" "$r") | $(ratio "$o" "$g") | $(ratio "$r" "$g") | $need |"
    done
    echo
    echo "Ratios per round (each round's ours over the peer's in the same round, then the median: the machine's drift between rounds cancels):"
    echo
    echo "| payload | ours / raw-kestrel | ours / grpc-go | ours / grpc-aspnetcore | grpc-aspnetcore / raw-kestrel |"
    echo "|---|---:|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        echo "| $size B | $(paired ours raw-kestrel "$size") | $(paired ours grpc-go "$size") | $(paired ours grpc-aspnetcore "$size") | $(paired grpc-aspnetcore raw-kestrel "$size") |"
    done
    echo
    echo "Ratios on the best run of each (robust to other load, which only lowers a run):"
    echo
    echo "| payload | ours / raw-kestrel | ours / grpc-go | raw-kestrel / grpc-go |"
    echo "|---|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        o=$(stat ours "$size" best) r=$(stat raw-kestrel "$size" best) g=$(stat grpc-go "$size" best)
        echo "| $size B | $(ratio "$o" "$r") | $(ratio "$o" "$g") | $(ratio "$r" "$g") |"
    done
    echo
    if has_peer grpc-aspnetcore; then
        echo "The server's set-up and the library, on the medians (ours = the server's Grpc.AspNetCore set-up; grpc-aspnetcore = plain \`AddGrpc()\`):"
        echo
        echo "| payload | grpc-aspnetcore req/s | ours / grpc-aspnetcore | grpc-aspnetcore / raw-kestrel | grpc-aspnetcore / grpc-go |"
        echo "|---|---:|---:|---:|---:|"
        for size in "${payloads[@]}"; do
            o=$(stat ours "$size" median) p=$(stat grpc-aspnetcore "$size" median) r=$(stat raw-kestrel "$size" median) g=$(stat grpc-go "$size" median)
            echo "| $size B | $p | $(ratio "$o" "$p") | $(ratio "$p" "$r") | $(ratio "$p" "$g") |"
        done
        echo
    fi
    echo "Every run, req/s (other load); peer order rotated per round, retries last:"
    echo
    echo "| payload | peer | runs | clean | median | best |"
    echo "|---|---|---|---:|---:|---:|"
    for size in "${payloads[@]}"; do
        for peer in "${peers[@]}"; do
            echo "| $size B | $peer | $(rounds_cell "$peer" "$size") | $(clean_count "$peer" "$size") | $(stat "$peer" "$size" median) | $(stat "$peer" "$size" best) |"
        done
    done
    if [[ -n $OURS_SKIPPED ]]; then
        echo
        echo "ours was not measured: $OURS_SKIPPED"
    fi
    if has_peer ours; then
        verdict=PASS
        for size in "${payloads[@]}"; do
            o=$(num "$(stat ours "$size" median)") r=$(num "$(stat raw-kestrel "$size" median)") g=$(num "$(stat grpc-go "$size" median)")
            awk -v o="$o" -v r="$r" -v g="$g" 'BEGIN { ok = (o ~ /^[0-9.]+$/); if (r ~ /^[0-9.]+$/) ok = ok && o >= 0.85 * r; if (g ~ /^[0-9.]+$/) ok = ok && o >= 1.5 * g; exit !ok }' || verdict=FAIL
        done
        echo
        echo "Acceptance on the medians (ours >= 0.85 x raw-kestrel and >= 1.5 x grpc-go at every payload): **$verdict**"
    fi
} | tee "$report"
log "report written to $report (raw h2load output in $BENCH_OUT/raw/)"
