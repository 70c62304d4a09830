#!/usr/bin/env bash
# Authentication cost on the unary echo: bench/EchoServer in development mode (no credentials checked)
# against the same server with JWT authentication on, every call carrying a valid HS256 bearer token
# (validated, roles checked) — same run, rounds alternating, h2load as in unary-echo.sh.
# Acceptance (issue "Security"): auth-on >= 0.8 x auth-off.
#
# Environment (defaults): DURATION=5 WARMUP=5 ROUNDS=5 PAYLOAD=1024 CLIENTS=4 STREAMS=10
#   OFF_PORT=50161 ON_PORT=50162 BENCH_OUT=.artifacts/bench
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
PAYLOAD=${PAYLOAD:-1024}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-10}
OFF_PORT=${OFF_PORT:-50161}
ON_PORT=${ON_PORT:-50162}

ensure_debian_packages nghttp2-client curl openssl
mkdir -p "$BENCH_OUT/raw"
trap stop_servers EXIT
trap 'exit 130' INT TERM

# An HS256 token (RFC 7519) made with openssl: iss/aud as the server is configured, role Agent, 1 h.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
KEY_FILE=$BENCH_OUT/auth-echo.key
openssl rand 32 >"$KEY_FILE"
KEY_HEX=$(od -An -tx1 "$KEY_FILE" | tr -d ' \n')
KEY_B64=$(openssl base64 -A <"$KEY_FILE")
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"bench","aud":"journeygrpc","sub":"bench","roles":["Agent"],"iat":%d,"nbf":%d,"exp":%d}' "$now" "$now" $(( now + 3600 )) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY_HEX" -binary | b64url)
AUTH_HEADER="authorization: Bearer $header.$payload.$signature"

build_dotnet ours bench/EchoServer || die "bench/EchoServer does not build (see $BENCH_OUT/build-ours.log)"
write_frame "$PAYLOAD" "$BENCH_OUT/auth-echo.bin"
start_server auth-off "$OFF_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$OFF_PORT"
start_server auth-on "$ON_PORT" "dotnet '$OURS_DLL' --urls http://127.0.0.1:$ON_PORT --Auth:Jwt:Issuer=bench --Auth:Jwt:Audience=journeygrpc --Auth:Jwt:SigningKeys:0=$KEY_B64"
wait_ready auth-off "$OFF_PORT" "$BENCH_OUT/auth-echo.bin"
wait_ready auth-on "$ON_PORT" "$BENCH_OUT/auth-echo.bin" "$AUTH_HEADER"
check_echo "$ON_PORT" "$BENCH_OUT/auth-echo.bin" && die "auth-on answered a call without a token"
log "correctness: both echo with grpc-status 0; auth-on refuses a call without a token"

# run PEER SECONDS OUT — req/s, or "fail" when any request failed.
run() {
    local port=$OFF_PORT extra=(-H 'x-bench: 1') rps
    [[ $1 == auth-on ]] && port=$ON_PORT extra=(-H "$AUTH_HEADER")
    h2load -c "$CLIENTS" -m "$STREAMS" -D "$2" -t 1 -H 'content-type: application/grpc' -H 'te: trailers' "${extra[@]}" \
        -d "$BENCH_OUT/auth-echo.bin" "http://127.0.0.1:$port$ECHO_PATH" >"$3" 2>&1 || true
    rps=$(h2load_rps "$3")
    if [[ -z $rps ]] || ! h2load_clean "$3"; then echo fail; else printf '%.0f\n' "$rps"; fi
}

for peer in auth-off auth-on; do run "$peer" "$WARMUP" "$BENCH_OUT/raw/auth-warmup-$peer.txt" >/dev/null; done
declare -A results=([auth-off]="" [auth-on]="")
for (( round = 1; round <= ROUNDS; round++ )); do
    order=(auth-off auth-on)
    (( round % 2 == 0 )) && order=(auth-on auth-off)
    for peer in "${order[@]}"; do
        wait_quiet
        rps=$(run "$peer" "$DURATION" "$BENCH_OUT/raw/auth-round$round-$peer.txt")
        [[ $rps == fail ]] && die "$peer: failed requests in round $round (see $BENCH_OUT/raw/auth-round$round-$peer.txt)"
        log "round $round: $peer $rps req/s"
        results[$peer]+="$rps "
    done
done

off=$(median_of "${results[auth-off]}") on=$(median_of "${results[auth-on]}")
ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.2f", a / b }')
report=$BENCH_OUT/auth-echo-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "## Unary echo with authentication on and off (h2load, $ROUNDS rounds x ${DURATION}s, ${PAYLOAD} B)"
    echo
    machine_info
    echo
    echo "| server | req/s (median) | rounds |"
    echo "|---|---:|---|"
    echo "| auth off (development mode) | $off | ${results[auth-off]}|"
    echo "| auth on (HS256 bearer token per call) | $on | ${results[auth-on]}|"
    echo
    echo "auth-on / auth-off = **$ratio** (>= 0.80: $(awk -v r="$ratio" 'BEGIN { print (r >= 0.8 ? "pass" : "FAIL") }'))"
    echo
    echo "Command: \`scripts/bench.sh auth\`"
} | tee "$report"
log "report: $report"
