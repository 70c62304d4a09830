# Shared helpers for bench/*.sh (sourced, not run). Loopback only; every server started
# here is stopped by its process id (and its children's ids) on exit.
# shellcheck shell=bash

BENCH_ROOT=${BENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BENCH_OUT=${BENCH_OUT:-$BENCH_ROOT/.artifacts/bench}
ECHO_PATH=/journeygrpc.bench.v1.EchoService/Echo
OURS_PORT=${OURS_PORT:-50151}
RAW_PORT=${RAW_PORT:-50152}
GO_PORT=${GO_PORT:-50153}
GRPC_ASPNETCORE_PORT=${GRPC_ASPNETCORE_PORT:-50154}
READY_TIMEOUT=${READY_TIMEOUT:-120}
export OURS_PORT

# Our server. OURS_CMD runs under `bash -c` with OURS_PORT exported, so it may say
# $OURS_PORT, e.g. OURS_CMD='dotnet run -c Release --project bench/EchoServer -- --urls http://127.0.0.1:$OURS_PORT'.
# shellcheck disable=SC2034 # OURS_CMD_DEFAULT and RAW_DLL are used by the scripts that source this file
{
OURS_DLL=$BENCH_ROOT/bench/EchoServer/bin/Release/net10.0/JourneyGrpc.Bench.EchoServer.dll
OURS_CMD_DEFAULT="dotnet '$OURS_DLL' --urls http://127.0.0.1:\$OURS_PORT"
RAW_DLL=$BENCH_ROOT/bench/peers/RawKestrel/bin/Release/net10.0/JourneyGrpc.Bench.RawKestrel.dll
GRPC_ASPNETCORE_DLL=$BENCH_ROOT/bench/peers/GrpcAspNetCore/bin/Release/net10.0/JourneyGrpc.Bench.GrpcAspNetCore.dll
}
GO_BIN=$BENCH_OUT/bin/grpc-go-echo

SERVER_PIDS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ensure_debian_packages PKG... — installs the Debian packages that are missing (as root, or with
# sudo -n), running apt-get update once when the lists have no candidate; the benchmarks' peers and
# load generators come from Debian, so a fresh machine gets them here as scripts/setup.sh does.
ensure_debian_packages() {
    local p missing=()
    for p in "$@"; do
        [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
    done
    (( ${#missing[@]} > 0 )) || return 0
    local sudo=()
    (( $(id -u) == 0 )) || sudo=(sudo -n)
    log "installing Debian packages: ${missing[*]}"
    for p in "${missing[@]}"; do
        if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [^(]'; then
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
            break
        fi
    done
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
}

# All descendants of a process id, deepest first.
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        descendants "$child"
        echo "$child"
    done
}

stop_servers() {
    local pid ids
    for pid in "${SERVER_PIDS[@]}"; do
        ids="$(descendants "$pid") $pid"
        # shellcheck disable=SC2086
        kill -TERM $ids 2>/dev/null || true
    done
    for pid in "${SERVER_PIDS[@]}"; do
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.3
        done
        if kill -0 "$pid" 2>/dev/null; then
            ids="$(descendants "$pid") $pid"
            # shellcheck disable=SC2086
            kill -KILL $ids 2>/dev/null || true
        fi
    done
    SERVER_PIDS=()
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_server NAME PORT COMMAND — COMMAND runs under bash -c; output goes to $BENCH_OUT/NAME.log.
start_server() {
    local name=$1 port=$2 cmd=$3
    port_in_use "$port" && die "port $port (for $name) is already in use; set ${name^^}_PORT or stop what listens there"
    bash -c "exec $cmd" >"$BENCH_OUT/$name.log" 2>&1 </dev/null &
    SERVER_PIDS+=($!)
    eval "PID_${name//-/_}=$!"
    log "started $name (pid $!) on 127.0.0.1:$port: $cmd"
}

# write_frame SIZE FILE — one gRPC message: 5-byte prefix + protobuf field 1 (bytes) = payload.
# Payload byte i is (i*7+1) & 0xff, the same as bench/LoadClient.
write_frame() {
    local size=$1 file=$2 varint="" v=$1 msg_len i hex payload="" prefix
    while :; do
        if (( v > 127 )); then printf -v hex '\\x%02x' $(( (v & 127) | 128 )); varint+=$hex; v=$(( v >> 7 ))
        else printf -v hex '\\x%02x' "$v"; varint+=$hex; break; fi
    done
    for (( i = 0; i < size; i++ )); do printf -v hex '\\x%02x' $(( (i * 7 + 1) & 255 )); payload+=$hex; done
    msg_len=$(( 1 + ${#varint} / 4 + size ))
    printf -v prefix '\\x00\\x%02x\\x%02x\\x%02x\\x%02x' $(( msg_len >> 24 & 255 )) $(( msg_len >> 16 & 255 )) $(( msg_len >> 8 & 255 )) $(( msg_len & 255 ))
    # shellcheck disable=SC2059 # the format is built from \xHH escapes only
    printf "$prefix\\x0a$varint$payload" >"$file"
}

# check_echo PORT FILE [HEADER] — one call with curl (with HEADER, e.g. an authorization header, when given):
# HTTP 200, content-type application/grpc, grpc-status 0 (trailer or header) and a body byte-identical to the
# request (for `bytes payload = 1` the echoed message encodes to the same bytes).
check_echo() {
    local port=$1 file=$2 extra=${3:-x-bench: 1} hdr body
    hdr=$(mktemp) body=$(mktemp)
    if ! curl -sS --max-time 5 --http2-prior-knowledge -X POST \
        -H 'content-type: application/grpc' -H 'te: trailers' -H "$extra" \
        --data-binary @"$file" -D "$hdr" -o "$body" "http://127.0.0.1:$port$ECHO_PATH" 2>/dev/null; then
        rm -f "$hdr" "$body"; return 1
    fi
    local ok=0
    tr -d '\r' <"$hdr" | grep -q '^HTTP/2 200' || ok=1
    tr -d '\r' <"$hdr" | grep -qi '^content-type: *application/grpc' || ok=1
    tr -d '\r' <"$hdr" | grep -qi '^grpc-status: *0$' || ok=1
    cmp -s "$body" "$file" || ok=1
    rm -f "$hdr" "$body"
    return $ok
}

# wait_ready NAME PORT FILE [HEADER] — polls check_echo until it passes; fails if the server exits.
wait_ready() {
    local name=$1 port=$2 file=$3 extra=${4:-} pidvar="PID_${1//-/_}" waited=0
    while ! check_echo "$port" "$file" "$extra"; do
        kill -0 "${!pidvar}" 2>/dev/null || { tail -n 20 "$BENCH_OUT/$name.log" >&2; die "$name exited before answering (log: $BENCH_OUT/$name.log)"; }
        (( waited++ < READY_TIMEOUT * 4 )) || die "$name did not answer a correct echo within ${READY_TIMEOUT}s (log: $BENCH_OUT/$name.log)"
        sleep 0.25
    done
    log "$name answers correctly on port $port"
}

# BUILD_ARGS: extra arguments to every dotnet build, e.g. -p:BuildProjectReferences=false when src/ is
# already built (so a benchmark does not rebuild the shared projects under another build).
BUILD_ARGS=${BUILD_ARGS:-}

build_raw_kestrel() { require_dotnet_build raw-kestrel bench/peers/RawKestrel; }

build_grpc_aspnetcore() { require_dotnet_build grpc-aspnetcore bench/peers/GrpcAspNetCore; }

build_grpc_go() {
    ensure_debian_packages golang-go golang-google-grpc-dev golang-goprotobuf-dev
    command -v go >/dev/null && [[ -d /usr/share/gocode/src/google.golang.org/grpc ]] \
        || die "the grpc-go peer needs Go and Debian's grpc-go sources (golang-go golang-google-grpc-dev golang-goprotobuf-dev)"
    log "building bench/peers/grpc-go-echo (GOPATH mode, grpc-go from /usr/share/gocode)"
    mkdir -p "$BENCH_OUT/bin" "$BENCH_OUT/gocache"
    (cd "$BENCH_ROOT" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$BENCH_OUT/gocache" GOFLAGS='' \
        go build -o "$GO_BIN" ./bench/peers/grpc-go-echo) >"$BENCH_OUT/build-grpc-go.log" 2>&1 \
        || { cat "$BENCH_OUT/build-grpc-go.log" >&2; die "grpc-go-echo build failed"; }
}

# build_dotnet NAME PROJECT_DIR — returns non-zero (no exit) so callers may skip "ours".
build_dotnet() {
    log "building $2 (Release)"
    # shellcheck disable=SC2086 # BUILD_ARGS is a list of arguments
    dotnet build -c Release -nologo -v q "$BENCH_ROOT/$2" $BUILD_ARGS >"$BENCH_OUT/build-$1.log" 2>&1
}

# require_dotnet_build NAME PROJECT_DIR — build_dotnet, or the end of its log and exit.
require_dotnet_build() {
    build_dotnet "$1" "$2" || { tail -n 20 "$BENCH_OUT/build-$1.log" >&2; die "$2 does not build (see $BENCH_OUT/build-$1.log)"; }
}

machine_info() {
    echo "- cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "- kernel: $(uname -sr)"
    echo "- .NET SDK: $(dotnet --version 2>/dev/null); runtime: $(dotnet --list-runtimes 2>/dev/null | grep -m1 'Microsoft.AspNetCore.App' | cut -d' ' -f1-2)"
    echo "- Go: $(go version 2>/dev/null | cut -d' ' -f3-); grpc-go: $(sed -n 's/^const Version = "\(.*\)"/\1/p' /usr/share/gocode/src/google.golang.org/grpc/version.go 2>/dev/null)"
    echo "- h2load: $(h2load --version 2>/dev/null | head -n1)"
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
}

# h2load_rps FILE — the req/s of an h2load report (empty when the report has none).
h2load_rps() { sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$1"; }

# h2load_clean FILE — true when the h2load report has no failed or errored request and no non-2xx status.
h2load_clean() {
    local failed errored non2xx
    failed=$(sed -n 's/^requests: .* \([0-9]*\) failed, \([0-9]*\) errored.*/\1 \2/p' "$1")
    non2xx=$(sed -n 's/^status codes: [0-9]* 2xx, \([0-9]*\) 3xx, \([0-9]*\) 4xx, \([0-9]*\) 5xx.*/\1 \2 \3/p' "$1")
    read -r failed errored <<<"${failed:-x x}"
    [[ $failed == 0 && $errored == 0 && $non2xx == "0 0 0" ]]
}

# --- CPU accounting: how much of the machine something else used during a measurement ---

# cpu_sample — "busy total" jiffies summed over all CPUs (/proc/stat; guest time is inside user).
# busy = user + nice + system + steal: irq/softirq time is left out because loopback
# packet processing is charged there rather than to the server or h2load.
cpu_sample() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print $2 + $3 + $4 + $9, t; exit }' /proc/stat; }

# tree_ticks PID — utime+stime of PID and its descendants, in the same clock ticks.
tree_ticks() {
    local pid sum=0 t
    for pid in "$1" $(descendants "$1"); do
        t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null) || t=0
        sum=$(( sum + ${t:-0} ))
    done
    echo "$sum"
}

# child_ticks — CPU of this shell's reaped children (h2load, curl, ...): cutime+cstime.
child_ticks() { awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$$/stat"; }

# wait_quiet — before a measurement, wait (bounded) until the machine is idle apart from us:
# other sessions' builds and tests on this 2-core box otherwise land inside a round.
QUIET_MAX=${QUIET_MAX:-15}        # % of the whole machine that counts as busy
QUIET_WAIT=${QUIET_WAIT:-20}      # longest wait before one measurement, seconds
QUIET_BUDGET=${QUIET_BUDGET:-45}  # longest total wait per script run, seconds
QUIET_SPENT=0 QUIET_WARNED=0
wait_quiet() {
    local waited=0 a b busy
    while (( waited < QUIET_WAIT && QUIET_SPENT < QUIET_BUDGET )); do
        a=$(cpu_sample); sleep 1; b=$(cpu_sample)
        busy=$(awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2]; print (d > 0 ? int(100 * (y[1] - x[1]) / d) : 0) }')
        (( busy > QUIET_MAX )) || { (( waited == 0 )) || log "machine quiet again after ${waited}s"; return 0; }
        (( waited == 0 )) && log "machine ${busy}% busy with other work; waiting up to ${QUIET_WAIT}s"
        waited=$(( waited + 1 )) QUIET_SPENT=$(( QUIET_SPENT + 1 ))
    done
    if (( QUIET_SPENT >= QUIET_BUDGET && ! QUIET_WARNED )); then
        log "quiet-wait budget (${QUIET_BUDGET}s) used up; measuring without waiting from now on"
        QUIET_WARNED=1
    fi
    return 0
}

# median_of "N N N …" — the median of the whole numbers in a space-separated list (the mean of the middle two, rounded down, for an even count).
median_of() { tr ' ' '\n' <<<"$1" | grep -E '^[0-9]+$' | sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# median_real "x x x …" — the median of the decimal numbers in a space-separated list, two decimals ("n/a" for none).
median_real() { tr ' ' '\n' <<<"$1" | grep -E '^[0-9.]+$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) printf "n/a"; else printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# paired_median "a1 a2 …" "b1 b2 …" — the median of a_i / b_i over the positions where both are whole numbers: two
# series measured round by round, so the machine's drift between rounds cancels.
paired_median() {
    local -a a b
    read -r -a a <<<"$1"
    read -r -a b <<<"$2"
    local i out=""
    for i in "${!a[@]}"; do
        [[ ${a[$i]} =~ ^[0-9]+$ && ${b[$i]:-} =~ ^[0-9]+$ ]] && out+="$(awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { printf "%.4f", x / y }') "
    done
    median_real "$out"
}
