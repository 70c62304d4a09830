#!/usr/bin/env bash
# Benchmark entry point (details and knobs: bench/README.md).
#   scripts/bench.sh [unary]   h2load unary echo, ours vs plain Grpc.AspNetCore vs raw Kestrel vs grpc-go, same run (bench/unary-echo.sh)
#   scripts/bench.sh auth      h2load unary echo with JWT authentication on (a bearer token per call) vs off, same run (bench/auth-echo.sh)
#   scripts/bench.sh telemetry h2load unary echo with telemetry off vs metrics (Prometheus), metrics + 1 % traced and metrics + every call traced (OTLP), same run, the server's console log on (bench/telemetry-echo.sh)
#   scripts/bench.sh stream    one EchoStream call through the Grpc.Net.Client typed client: messages/s (bench/load-client.sh stream)
#   scripts/bench.sh client    unary Echo through the Grpc.Net.Client typed client: req/s, p50/p99 (bench/load-client.sh unary)
#   scripts/bench.sh store     the three stores side by side: durable writes/s (group commit vs one per write) and journey search p99, SQLite, LiteDB, PostgreSQL (bench/store-writes.sh)
#   scripts/bench.sh gateway   unary Echo through the in-process REST gateway vs direct gRPC: req/s, p99, ratio (bench/gateway.sh)
#   scripts/bench.sh gc        our echo server with DATAS on vs off: req/s, CPU per request, peak RSS (bench/gc-compare.sh)
#   scripts/bench.sh micro     BenchmarkDotNet, in memory: a unary call through the Grpc.AspNetCore and REST gateway pipelines vs a raw endpoint;
#                              extra arguments go to BenchmarkDotNet, e.g. --job dry (bench/Microbenchmarks)
#   scripts/bench.sh journey   journey search at 10k and 100k engagements: p50/p99 per size (bench/JourneyScale/run.sh)
#   scripts/bench.sh startevent Context Services queries (customer services, tasks) at 10k and 100k services: p50/p99 per size (bench/StartEventScale/run.sh)
#   scripts/bench.sh campaign  campaign-status fan-out: 1000 watches x 1000 posts/s x 60 s, latency p50/p99, server memory (bench/CampaignWatch/run.sh)
#   scripts/bench.sh engagement 10,000 REST visitors engage -> offered -> accepted/rejected vs journey create-engagement; action-map performance p99 (bench/EngagementLoad/run.sh)
#   scripts/bench.sh replicas  journey create and search req/s through the REST gateway over 1, 2 and 3 replicas on one PostgreSQL, one run (bench/replicas.sh)
#   scripts/bench.sh writes    CreateEngagement over gRPC and the REST gateway vs the store's durable ceiling for its exact batch, SQLite and LiteDB,
#                              same run: calls/s, p50/p99, server CPU, store round trips and records per call (bench/write-path.sh)
#   scripts/bench.sh all       unary, stream and client, one after the other
# Loopback only; every server started is stopped on exit. Output: .artifacts/bench/.
# BUILD_ARGS: extra arguments to every dotnet build, e.g. -p:BuildProjectReferences=false when src/ is built.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/../bench" && pwd)

case ${1:-unary} in
    unary) exec "$bench/unary-echo.sh" ;;
    auth) exec "$bench/auth-echo.sh" ;;
    telemetry) exec "$bench/telemetry-echo.sh" ;;
    stream) exec "$bench/load-client.sh" stream ;;
    client) exec "$bench/load-client.sh" unary ;;
    store) exec "$bench/store-writes.sh" ;;
    writes) exec "$bench/write-path.sh" ;;
    journey) shift; exec "$bench/JourneyScale/run.sh" "$@" ;;
    startevent) shift; exec "$bench/StartEventScale/run.sh" "$@" ;;
    gateway) exec "$bench/gateway.sh" ;;
    gc) exec "$bench/gc-compare.sh" ;;
    campaign) exec "$bench/CampaignWatch/run.sh" ;;
    engagement) shift; exec "$bench/EngagementLoad/run.sh" "$@" ;;
    replicas) exec "$bench/replicas.sh" ;;
    micro)
        shift
        # shellcheck disable=SC2086 # BUILD_ARGS is a list of arguments
        dotnet build -c Release "$bench/Microbenchmarks" -nologo -v quiet ${BUILD_ARGS:-}
        exec dotnet "$bench/Microbenchmarks/bin/Release/net10.0/JourneyGrpc.Bench.Microbenchmarks.dll" --filter '*' --inProcess \
            --artifacts "$bench/../.artifacts/bench/micro" "$@" ;;
    all)
        "$bench/unary-echo.sh"
        "$bench/load-client.sh" all ;;
    -h | --help) sed -n '2,22p' "$0" ;;
    *) echo "usage: $0 [unary|auth|telemetry|stream|client|store|writes|gateway|gc|campaign|engagement|replicas|micro|journey|startevent|all]" >&2; exit 2 ;;
esac
