#!/usr/bin/env bash
# REST gateway checks with plain curl, against a live host serving the gateway's test services
# (tests/Gateway.TestService) through the in-process gateway:
#
#   tests/Conformance/clients/curl/rest_check.sh http://127.0.0.1:8080
#
# One route kind per check: custom verbs (after a literal and after a variable), 201, 202 with an
# empty body, 204, RFC 7807 problem+json with field violations, a per-method error status, a
# google.rpc.Status error, a form field carrying JSON, NDJSON and SSE streams and a stream error,
# 404/405, header forwarding, int64 as numbers, the OpenAPI document, and the UTF-8 rule for request
# bodies (invalid bytes in JSON and form bodies, a UTF-8 byte order mark, a non-UTF-8 charset).
# Output: one "PASS <check>" / "FAIL <check>: <reason>" line per check, then "N passed, M failed".
# Exit 1 if any check failed, 2 on a usage error.
set -uo pipefail

if [[ $# -ne 1 || "$1" != http://* ]]; then
  echo "usage: $0 http://HOST:PORT" >&2
  exit 2
fi
BASE="${1%/}"
ACCOUNT="$BASE/api/journey/v1/accounts/ABCDEF"

passed=0
failed=0
BODY="$(mktemp)"
HEADERS="$(mktemp)"
trap 'rm -f "$BODY" "$BODY.in" "$HEADERS"' EXIT

# call METHOD PATH [curl args...] : sets $STATUS; body in $BODY, headers (lower-cased names) in $HEADERS.
call() {
  local method=$1 url=$2
  shift 2
  STATUS=$(curl -sS --max-time 10 -X "$method" -o "$BODY" -D "$HEADERS" -w '%{http_code}' "$@" "$url" 2>&1) || STATUS="curl-error: $STATUS"
  sed -i 's/\r$//' "$HEADERS"
}

header() { grep -i "^$1:" "$HEADERS" | head -n1 | cut -d: -f2- | sed 's/^ *//'; }

pass() {
  passed=$((passed + 1))
  echo "PASS $1"
}

fail() {
  failed=$((failed + 1))
  local reason
  reason="$(printf '%s' "$2" | tr '\r\n\t' '   ' | tr -s ' ' | cut -c1-400)"
  echo "FAIL $1: ${reason}"
}

# expect NAME STATUS [GREP-PATTERN] : the last call answered STATUS and its body matches the pattern.
expect() {
  local name=$1 status=$2 pattern=${3:-}
  if [[ "$STATUS" != "$status" ]]; then
    fail "$name" "want HTTP $status, got $STATUS: $(head -c 300 "$BODY")"
  elif [[ -n "$pattern" ]] && ! grep -Eq -- "$pattern" "$BODY"; then
    fail "$name" "body does not match /$pattern/: $(head -c 300 "$BODY")"
  else
    return 0
  fi
  return 1
}

JSON=(-H 'Content-Type: application/json')

call POST "$ACCOUNT/journeys:search?pageSize=10" "${JSON[@]}" -d '{"identifiers":{"phoneNumbers":["019 718 0171"]}}'
expect custom_verb 200 '"pagination":\{"pageNumber":1,"pageSize":10,"total":0\}' && pass custom_verb

call POST "$ACCOUNT/engagements/dfd117d7-73e3-4436-8bd7-3ce8f1a008ed:appendIdentifiers" "${JSON[@]}" -d '{"identifiers":{"emailAddresses":["a@example.org"]}}'
if expect accepted_empty_body 202; then
  if [[ -s "$BODY" ]]; then fail accepted_empty_body "want an empty body, got $(head -c 200 "$BODY")"; else pass accepted_empty_body; fi
fi

call POST "$ACCOUNT/engagements/e1/agent-note" "${JSON[@]}" -d '{"note":"hello"}'
expect created 201 '"note":"hello"' && pass created

call DELETE "$ACCOUNT/engagements/e1/agent-note/Isfgy40BJ8Ew1LrQxUJy"
expect no_content 204 && pass no_content

call POST "$BASE/api/journey/v1/accounts/ABC/journeys:search" "${JSON[@]}" -d '{}'
if expect problem_json_error 400 '"violations":\[\{"field":"accountId","message":"must match'; then
  if [[ "$(header content-type)" == application/problem+json* ]] && grep -q '"type":"https://developers.avayacloud.com/avaya-experience-platform/docs/error-handling#constraint-violation","title":"Constraint Violation","status":400' "$BODY"; then
    pass problem_json_error
  else
    fail problem_json_error "content-type $(header content-type); body $(head -c 300 "$BODY")"
  fi
fi

call POST "$ACCOUNT/engagements/e1/agent-note" "${JSON[@]}" -d '{"note":"duplicate"}'
expect error_status_override 422 '"status":422' && pass error_status_override

call GET "$BASE/v1/things/missing"
expect status_json_error 404 '^\{"code":5,"message":"Thing .missing. was not found\."\}$' && pass status_json_error

call POST "$BASE/server/data/gateway/engage" --data-urlencode 'ixnProfile={"visitID":"v-1","pageID":"p-9"}'
expect form_field 200 '^\{"visitID":"v-1","ixnProfile":\{"visitID":"v-1","pageID":"p-9"\}\}$' && pass form_field

# Request bodies must be UTF-8: invalid bytes are a 400 naming the field (problem+json on an Avaya
# route), in a form field too; a UTF-8 byte order mark is accepted; another charset is a 415.
printf '{"identifiers":{"phoneNumbers":["\xff\xfe\x80"]}}' >"$BODY.in"
call POST "$ACCOUNT/engagements/e1:appendIdentifiers" "${JSON[@]}" --data-binary @"$BODY.in"
if expect invalid_utf8_problem_json 400 '"detail":"identifiers: not valid UTF-8; request bodies must be UTF-8 text.","violations":\[\{"field":"identifiers"'; then
  if [[ "$(header content-type)" == application/problem+json* ]]; then pass invalid_utf8_problem_json; else fail invalid_utf8_problem_json "content-type $(header content-type)"; fi
fi

call POST "$BASE/server/data/gateway/engage" --data-binary 'ixnProfile=%7B%22visitID%22%3A%22%C0%AF%22%7D'
expect invalid_utf8_form_field 400 '"fieldViolations":\[\{"field":"ixnProfile","description":"not valid UTF-8; request bodies must be UTF-8 text."\}\]' && pass invalid_utf8_form_field

printf '\xef\xbb\xbf{"note":"bom"}' >"$BODY.in"
call POST "$ACCOUNT/engagements/e1/agent-note" "${JSON[@]}" --data-binary @"$BODY.in"
expect utf8_bom_accepted 201 '"note":"bom"' && pass utf8_bom_accepted

call POST "$ACCOUNT/engagements/e1/agent-note" -H 'Content-Type: application/json; charset=iso-8859-1' --data-binary '{"note":"x"}'
expect non_utf8_charset 415 '"status":415,"detail":"Content-Type .application/json; charset=iso-8859-1.: charset .iso-8859-1. is not supported' && pass non_utf8_charset

call GET "$BASE/v1/count/3"
if expect ndjson_stream 200; then
  if [[ "$(header content-type)" == application/x-ndjson* && "$(cat "$BODY")" == $'{"n":1}\n{"n":2}\n{"n":3}' ]]; then
    pass ndjson_stream
  else
    fail ndjson_stream "content-type $(header content-type); body $(head -c 200 "$BODY")"
  fi
fi

call GET "$BASE/v1/count/2" -H 'Accept: text/event-stream'
if expect sse_stream 200; then
  if [[ "$(header content-type)" == text/event-stream* && "$(cat "$BODY")" == $'data: {"n":1}\n\ndata: {"n":2}' ]]; then
    pass sse_stream
  else
    fail sse_stream "content-type $(header content-type); body $(head -c 200 "$BODY")"
  fi
fi

call POST "$BASE/v1/count" "${JSON[@]}" -d '{"count":2,"failCode":14}'
expect stream_error_object 200 '^\{"error":\{"code":14,"message":"Counting failed after 2\."\}\}$' && pass stream_error_object

call POST "$BASE/v1/count" "${JSON[@]}" -H 'Accept: text/event-stream' -d '{"count":1,"failCode":14}'
expect sse_stream_error 200 '^event: error$' && pass sse_stream_error

call GET "$BASE/v1/no/such/route"
expect unknown_path 404 '"code":5' && pass unknown_path

call DELETE "$BASE/v1/things/special"
if expect wrong_method 405; then
  if [[ "$(header allow)" == "GET" ]]; then pass wrong_method; else fail wrong_method "want Allow: GET, got '$(header allow)'"; fi
fi

call GET "$BASE/v1/headers" -H 'Authorization: Bearer t0k3n' -H 'appkey: k-1' -H 'X-Request-Id: req-7'
if expect headers_forwarded 200 '"authorization":"Bearer t0k3n","appkey":"k-1","x-request-id":"req-7"'; then
  if [[ "$(header x-test-header)" == "from-headers" && "$(header x-test-trailer)" == "from-trailers" ]]; then
    pass headers_forwarded
  else
    fail headers_forwarded "response metadata headers missing: $(tr '\n' ' ' <"$HEADERS")"
  fi
fi

call GET "$BASE/genesys/1/cs/services/9007199254740993"
expect int64_as_number 200 '^\{"serviceId":9007199254740993,"serviceType":"Sales"\}$' && pass int64_as_number

call GET "$BASE/openapi.json"
expect openapi_document 200 '"openapi": "3.0.3"' && grep -q '"/api/journey/v1/accounts/{account_id}/journeys:search"' "$BODY" && pass openapi_document \
  || { [[ "$STATUS" == 200 ]] && fail openapi_document "journeys:search path missing"; }

echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
