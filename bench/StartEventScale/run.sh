#!/usr/bin/env bash
# Context Services queries at scale (bench/StartEventScale): builds in Release, seeds 10,000 then
# 100,000 services over 1,000 then 10,000 customers (2 tasks on every 10th service) through the gRPC
# API into a fresh SQLite store, measures query customer services and query tasks at both sizes.
# Extra arguments go to the program (--services, --queries, --budget-seconds, ...).
# Loopback only, one process, bounded by --budget-seconds (default 1500). Report: .artifacts/bench/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$root/.artifacts/bench"
mkdir -p "$out"
report="$out/startevent-scale-$(date -u +%Y%m%dT%H%M%SZ).md"
# shellcheck disable=SC2086 # BUILD_ARGS (see bench/lib.sh) is a list of arguments
dotnet build -c Release "$root/bench/StartEventScale" -nologo -v quiet ${BUILD_ARGS:-}
dotnet "$root/bench/StartEventScale/bin/Release/net10.0/JourneyGrpc.Bench.StartEventScale.dll" --output "$report" "$@"
echo "report: ${report#"$root"/}"
