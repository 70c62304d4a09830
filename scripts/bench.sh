#!/usr/bin/env bash
# Benchmark entry point (details and knobs: bench/README.md).
#   scripts/bench.sh [unary]   h2load unary echo, ours vs raw Kestrel vs grpc-go, same run (bench/unary-echo.sh)
#   scripts/bench.sh stream    one EchoStream call through the src/Rpc client: messages/s (bench/load-client.sh stream)
#   scripts/bench.sh client    unary Echo through the src/Rpc client: req/s, p50/p99 (bench/load-client.sh unary)
#   scripts/bench.sh store     durable writes/s through the store: group commit vs one transaction per write, SQLite and PostgreSQL (bench/store-writes.sh)
#   scripts/bench.sh micro     BenchmarkDotNet: the unary handler vs a bare echo delegate, in memory (bench/Microbenchmarks)
#   scripts/bench.sh all       unary, stream and client, one after the other
# Loopback only; every server started is stopped on exit. Output: .artifacts/bench/.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/../bench" && pwd)

case ${1:-unary} in
    unary) exec "$bench/unary-echo.sh" ;;
    stream) exec "$bench/load-client.sh" stream ;;
    client) exec "$bench/load-client.sh" unary ;;
    store) exec "$bench/store-writes.sh" ;;
    micro)
        dotnet build -c Release "$bench/Microbenchmarks" -nologo -v quiet
        exec dotnet "$bench/Microbenchmarks/bin/Release/net10.0/JourneyGrpc.Rpc.Benchmarks.dll" --filter '*' --inProcess ;;
    all)
        "$bench/unary-echo.sh"
        "$bench/load-client.sh" all ;;
    -h | --help) sed -n '2,10p' "$0" ;;
    *) echo "usage: $0 [unary|stream|client|store|micro|all]" >&2; exit 2 ;;
esac
