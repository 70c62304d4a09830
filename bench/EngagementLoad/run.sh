#!/usr/bin/env bash
# Engagement load (bench/EngagementLoad): builds in Release, then in one process starts the journey and
# engagement services with the in-process REST gateway on loopback over a fresh SQLite store; drives
# 10,000 concurrent visitors (engage -> offered -> accepted/rejected) over REST, then the journey
# service's create-engagement over REST at the same concurrency; then seeds 1,000 action maps x 30 days
# and times action-map performance. Extra arguments go to the program (--visitors, --seconds, ...).
# Report: .artifacts/bench/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$root/.artifacts/bench"
mkdir -p "$out"
report="$out/engagement-load-$(date -u +%Y%m%dT%H%M%SZ).md"
# shellcheck disable=SC2086 # BUILD_ARGS (see bench/lib.sh) is a list of arguments
dotnet build -c Release "$root/bench/EngagementLoad" -nologo -v quiet ${BUILD_ARGS:-}
dotnet "$root/bench/EngagementLoad/bin/Release/net10.0/JourneyGrpc.Bench.EngagementLoad.dll" --output "$report" "$@"
echo "report: ${report#"$root"/}"
