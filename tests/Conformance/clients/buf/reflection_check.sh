#!/usr/bin/env bash
# Server reflection + health checks with `buf curl` (npm @bufbuild/buf), a third-party
# client that learns every schema from the server's reflection service alone.
#
#   tests/Conformance/clients/buf/reflection_check.sh 127.0.0.1:50051
#
# Needs `npm ci` in tests/Conformance/clients/node (scripts/setup.sh); BUF=/path/to/buf
# overrides the binary. Output: one "PASS <check>" / "FAIL <check>: <reason>" line per
# check, then "N passed, M failed". Exit 1 if any check failed, 2 on a usage error.
set -uo pipefail

if [[ $# -ne 1 || "$1" != *:* ]]; then
  echo "usage: $0 HOST:PORT" >&2
  exit 2
fi
TARGET="$1"
BASE_URL="http://${TARGET}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUF="${BUF:-${HERE}/../node/node_modules/.bin/buf}"
if [[ ! -x "$BUF" ]]; then
  echo "buf not found at $BUF: run 'npm ci' in tests/Conformance/clients/node (scripts/setup.sh)" >&2
  exit 2
fi

CHECK_TIMEOUT_S=30 # hard bound per buf invocation, on top of buf's own --timeout
passed=0
failed=0
OUT="$(mktemp)"
ERR="$(mktemp)"
trap 'rm -f "$OUT" "$ERR"' EXIT

# buf_curl ARGS... : runs buf curl over h2c with the gRPC protocol; stdout in $OUT, stderr in $ERR.
buf_curl() {
  timeout "$CHECK_TIMEOUT_S" "$BUF" curl --timeout 20s --connect-timeout 10 \
    --protocol grpc --http2-prior-knowledge "$@" >"$OUT" 2>"$ERR"
}

pass() {
  passed=$((passed + 1))
  echo "PASS $1"
}

fail() {
  failed=$((failed + 1))
  # One line: collapse whitespace, keep it short.
  local reason
  reason="$(printf '%s' "$2" | tr '\r\n\t' '   ' | tr -s ' ' | cut -c1-400)"
  echo "FAIL $1: ${reason}"
}

# ran_ok NAME : fails NAME and returns 1 if the last buf_curl exited non-zero.
ran_ok() {
  local rc=$1 name=$2
  if [[ $rc -ne 0 ]]; then
    fail "$name" "buf curl exited $rc: $(head -c 300 "$ERR") $(head -c 200 "$OUT")"
    return 1
  fi
  return 0
}

# require_lines NAME LINE... : every LINE must appear as a whole line in $OUT.
require_lines() {
  local name=$1 missing=()
  shift
  for want in "$@"; do
    grep -qxF -- "$want" "$OUT" || missing+=("$want")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    fail "$name" "missing ${missing[*]}; got: $(tr '\n' ' ' <"$OUT")"
    return 1
  fi
  return 0
}

REQUIRED_SERVICES=(
  grpc.health.v1.Health
  grpc.reflection.v1.ServerReflection
  grpc.reflection.v1alpha.ServerReflection
)
REQUIRED_METHODS=(
  grpc.health.v1.Health/Check
  grpc.health.v1.Health/Watch
  grpc.reflection.v1.ServerReflection/ServerReflectionInfo
  grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo
  grpc.testing.TestService/UnaryCall
)

# (a) list services and methods (reflection protocol negotiated by buf: v1 first).
buf_curl --list-services "$BASE_URL"
ran_ok $? list_services && require_lines list_services "${REQUIRED_SERVICES[@]}" && pass list_services

buf_curl --list-methods "$BASE_URL"
ran_ok $? list_methods && require_lines list_methods "${REQUIRED_METHODS[@]}" && pass list_methods

# (b) Health/Check for the whole server, schema from reflection only.
health_check() {
  local name=$1
  shift
  buf_curl "$@" --data '{"service": ""}' "$BASE_URL/grpc.health.v1.Health/Check"
  ran_ok $? "$name" || return
  if grep -Eq '"status":[[:space:]]*"SERVING"' "$OUT"; then
    pass "$name"
  else
    fail "$name" "want \"status\": \"SERVING\"; got: $(tr '\n' ' ' <"$OUT")"
  fi
}
health_check health_check

# (c) a TestService call whose request and response types come from reflection only:
# a 10-byte zero payload is base64 "AAAAAAAAAAAAAA==" in proto3 JSON.
buf_curl --data '{"responseSize": 10}' "$BASE_URL/grpc.testing.TestService/UnaryCall"
if ran_ok $? test_service_unary_call; then
  if grep -Eq '"body":[[:space:]]*"AAAAAAAAAAAAAA=="' "$OUT"; then
    pass test_service_unary_call
  else
    fail test_service_unary_call "want payload body \"AAAAAAAAAAAAAA==\"; got: $(tr '\n' ' ' <"$OUT")"
  fi
fi

# (d) each reflection version on its own, so a fallback cannot hide a broken one.
for proto in grpc-v1 grpc-v1alpha; do
  suffix="${proto#grpc-}"
  buf_curl --reflect-protocol "$proto" --list-services "$BASE_URL"
  ran_ok $? "list_services_reflection_${suffix}" &&
    require_lines "list_services_reflection_${suffix}" "${REQUIRED_SERVICES[@]}" &&
    pass "list_services_reflection_${suffix}"
  health_check "health_check_reflection_${suffix}" --reflect-protocol "$proto"
done

echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
