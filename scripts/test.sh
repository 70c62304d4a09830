#!/usr/bin/env bash
# The one test command: installs what the tests need, builds, runs every test project
# (unit, functional on real Kestrel, and third-party conformance clients against a live
# server), lints the protos, and prints one closing "N passed, M failed" line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

echo "test: dotnet build"
dotnet build JourneyGrpc.sln -c Release -warnaserror -nologo -v quiet

echo "test: buf lint"
tests/Conformance/clients/node/node_modules/.bin/buf lint

rm -rf .artifacts/conformance .artifacts/store .artifacts/fuzz
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
echo "test: dotnet test"
status=0
# One test project at a time (-m:1): several assert latencies (a 100 ms deadline answered within 300 ms,
# an event seen on another replica within 100 ms) that parallel projects on a 2-core machine would distort.
dotnet test JourneyGrpc.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$LOG" || status=$?

for file in .artifacts/conformance/*.txt; do
  [[ -f "$file" ]] || continue
  echo "--- conformance: $(basename "$file" .txt) ---"
  cat "$file"
done

for file in .artifacts/store/*.txt; do
  [[ -f "$file" ]] || continue
  echo "--- store: $(basename "$file" .txt) ---"
  cat "$file"
done

for file in .artifacts/fuzz/*.txt; do
  [[ -f "$file" ]] || continue
  echo "--- fuzz ---"
  cat "$file"
done

# dotnet test prints one "Failed: N, Passed: M, ..." summary per test project.
passed=$(grep -oE 'Passed: +[0-9]+' "$LOG" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$LOG" | awk '{s += $2} END {print s + 0}')
# A test host that crashed ends its project's run early: its tests count neither way, so say so.
aborted=$(grep -c '^Test Run Aborted' "$LOG" || true)
if (( aborted > 0 )); then
  echo "test: $aborted test run(s) aborted (a test host crashed); see the log above" >&2
  status=1
fi
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "test: no test ran" >&2
  status=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
