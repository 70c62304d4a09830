#!/usr/bin/env bash
# Journey search at scale (bench/JourneyScale): builds in Release, seeds 2,000 then 20,000 journeys
# (x5 engagements) through the gRPC API into a fresh SQLite store, measures search latency at both
# sizes. Extra arguments go to the program (--journeys, --queries, --budget-seconds, ...).
# Loopback only, one process, bounded by --budget-seconds (default 1500). Report: .artifacts/bench/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$root/.artifacts/bench"
mkdir -p "$out"
report="$out/journey-scale-$(date -u +%Y%m%dT%H%M%SZ).md"
# shellcheck disable=SC2086 # BUILD_ARGS (see bench/lib.sh) is a list of arguments
dotnet build -c Release "$root/bench/JourneyScale" -nologo -v quiet ${BUILD_ARGS:-}
dotnet "$root/bench/JourneyScale/bin/Release/net10.0/JourneyGrpc.Bench.JourneyScale.dll" --output "$report" "$@"
echo "report: ${report#"$root"/}"
