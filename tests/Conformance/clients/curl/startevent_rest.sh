#!/usr/bin/env bash
# Genesys Context Services operations with curl against the REST gateway (/genesys/1/cs), each with
# its documented status and body: start / associate / end / get / delete service, anonymous and
# customer queries, service and state extensions, start / end / transition / get / list states,
# start / end / get / query tasks, and the error object (http_method, http_code, error_code,
# error_description, violations) for bad input, unknown ids and a different end event; then the
# journey link (a journey's services by any of its identifiers).
# One line per check:
#
#   PASS <check>            FAIL <check>: <reason>
#
# then "N passed, M failed". Exit 1 if any check failed, 2 on a usage error.
#
#   tests/Conformance/clients/curl/startevent_rest.sh http://127.0.0.1:8080 [TENANT]
#
# Needs curl and /usr/bin/python3 (standard library only, for the JSON checks).
set -uo pipefail

if [[ $# -lt 1 || "$1" != http* ]]; then
  echo "usage: $0 BASE_URL [TENANT]" >&2
  exit 2
fi
BASE="${1%/}/genesys/1/cs"
TENANT="${2:-cs-$(LC_ALL=C tr -dc 'a-z' </dev/urandom 2>/dev/null | head -c 6)}"
Q="tenant=$TENANT"
PY=/usr/bin/python3
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# call METHOD PATH [BODY]: sets STATUS and writes the body to $WORK/out.
call() {
  local sep='?'
  [[ "$2" == *\?* ]] && sep='&'
  if [[ $# -ge 3 ]]; then
    STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' -X "$1" -H 'content-type: application/json' --data-binary "$3" "$BASE$2$sep$Q")
  else
    STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' -X "$1" "$BASE$2$sep$Q")
  fi
}

# check NAME EXPECTED_STATUS PYTHON_EXPRESSION: the expression sees `body` (parsed JSON, or None when empty).
check() {
  local name=$1 expected=$2 expression=$3
  if [[ "$STATUS" != "$expected" ]]; then
    fail "$name" "status $STATUS, expected $expected: $(head -c 300 "$WORK/out")"
    return
  fi
  if "$PY" - "$WORK/out" "$expression" <<'PYEOF'
import json, sys
text = open(sys.argv[1]).read()
body = json.loads(text) if text.strip() else None
sys.exit(0 if eval(sys.argv[2]) else 1)
PYEOF
  then pass "$name"; else fail "$name" "body $(head -c 300 "$WORK/out")"; fi
}

field() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/out" "$1"; }

call POST /services/start '{"customer_id":"cust-curl","service_type":5,"interaction_id":"ixn-1","media_type":"voice","timestamp":"2026-12-05T10:00:00.000Z","Survey":{"Rating":5},"Proposal":[{"Offer":"A"},{"Offer":"B"}]}'
check start_service 201 'isinstance(body["service_id"], int) and body["service_id"] > 0 and list(body) == ["service_id"]'
SID=$(field service_id)

call GET "/services/$SID"
check get_service 200 'body == {"service_id": '"$SID"', "service_type": 5, "customer_id": "cust-curl", "started": {"interaction_id": "ixn-1", "media_type": "voice", "timestamp": "2026-12-05T10:00:00.000Z"}, "Survey": {"Rating": 5}, "Proposal": [{"Offer": "A"}, {"Offer": "B"}]}'

call POST /services/start '{"contact_key":"ANI-5550100","service_type":"Billing"}'
check start_anonymous_service 201 'body["service_id"] > 0'
AID=$(field service_id)
call GET /services/anonymous/ANI-5550100
check query_anonymous_services 200 '[s["service_id"] for s in body] == ['"$AID"'] and len(body[0]["started"]["timestamp"]) == 24 and body[0]["started"]["timestamp"].endswith("Z")'
call GET /services/anonymous/ANI-5550100/active
check query_anonymous_services_active 200 'len(body) == 1'
call GET /services/anonymous/ANI-5550100/completed
check query_anonymous_services_completed 200 'body == []'

call POST "/customers/cust-curl/services/$AID" '{"interaction_id":"ixn-2"}'
check associate_service 204 'body is None'
call GET /customers/cust-curl/services
check query_customer_services 200 'sorted(s["service_id"] for s in body) == sorted(['"$SID, $AID"'])'
call GET /services/anonymous/ANI-5550100
check associated_service_not_anonymous 200 'body == []'

call PUT "/services/$SID/extensions/Offers" '[{"Id":1},{"Id":2}]'
check update_service_extension 200 'body is None'

call POST "/services/$SID/states/start" '{"state_type":1,"est_duration":60}'
check start_state 201 'body["state_id"] > 0'
ST1=$(field state_id)
call POST "/services/$SID/states/transition" '{"from":{"state_id":'"$ST1"',"disposition":"identified"},"to":{"state_type":8}}'
check transition_state 201 'body["previous_state_id"] == '"$ST1"' and body["state_id"] > '"$ST1"
ST2=$(field state_id)
call GET "/services/$SID/states/$ST2"
check get_state 200 'body["state_id"] == '"$ST2"' and body["state_type"] == 8 and body["previous_state_id"] == '"$ST1"
call GET "/services/$SID/states"
check list_states 200 '[s["state_id"] for s in body] == ['"$ST1, $ST2"'] and "completed" in body[0] and "completed" not in body[1]'
call PUT "/services/$SID/states/$ST2/extensions/Outcome" '{"Code":7}'
check update_state_extension 200 'body is None'

call POST "/services/$SID/tasks/start" '{"state_id":'"$ST2"',"task_type":"Survey","est_duration":30,"Survey":{"Q":"1"}}'
check start_task 201 'body["task_id"] > 0'
TK1=$(field task_id)
call POST "/services/$SID/tasks/start" '{"task_type":12}'
check start_second_task 201 'body["task_id"] > '"$TK1"
TK2=$(field task_id)
call GET "/services/$SID/tasks/$TK1"
check get_task 200 'body["task_id"] == '"$TK1"' and body["service_id"] == '"$SID"' and body["state_id"] == '"$ST2"' and body["task_type"] == "Survey" and body["Survey"] == {"Q": "1"}'
call GET "/services/$SID/tasks?state_id=$ST2"
check query_tasks_by_state 200 '[t["task_id"] for t in body] == ['"$TK1"']'
call GET "/services/$SID/tasks?task_types=12"
check query_tasks_by_type 200 '[t["task_id"] for t in body] == ['"$TK2"']'
call POST "/services/$SID/tasks/$TK1/end" '{"disposition":"done"}'
check end_task 204 'body is None'
call GET "/services/$SID/tasks/active"
check query_tasks_active 200 '[t["task_id"] for t in body] == ['"$TK2"']'
call GET "/services/$SID/tasks/completed"
check query_tasks_completed 200 '[t["task_id"] for t in body] == ['"$TK1"']'
call POST "/services/$SID/states/$ST2/end" '{}'
check end_state 204 'body is None'

call GET "/services/$SID?active_tasks=true&completed_states=true&extensions=Offers"
check get_service_with_states_and_tasks 200 '[t["task_id"] for t in body["active_tasks"]] == ['"$TK2"'] and len(body["completed_states"]) == 2 and "Survey" not in body and len(body["Offers"]) == 2'

call POST "/services/$SID/end" '{"disposition":3,"disposition_desc":"Resolved"}'
check end_service 204 'body is None'
call POST "/services/$SID/end" '{"disposition":3,"disposition_desc":"Resolved"}'
check end_service_again_idempotent 204 'body is None'
call POST "/services/$SID/end" '{"disposition":4}'
check end_service_different_failed_precondition 400 'body["http_method"] == "POST" and body["http_code"] == 400 and body["error_code"] == "FAILED_PRECONDITION"'
call POST "/services/$SID/tasks/start" '{"task_type":1}'
check start_task_on_ended_service 400 'body["error_code"] == "FAILED_PRECONDITION" and "has ended" in body["error_description"]'
call GET /customers/cust-curl/services/completed
check query_customer_services_completed 200 '[s["service_id"] for s in body] == ['"$SID"']'

call POST /services/start '{"service_type":5}'
check start_service_without_key_bad_request 400 'body["error_code"] == "INVALID_ARGUMENT" and [v["field"] for v in body["violations"]] == ["customer_id"]'
call POST /services/start '{"customer_id":"c","timestamp":"yesterday"}'
check start_service_bad_timestamp 400 '[v["field"] for v in body["violations"]] == ["timestamp"]'
call GET /services/not-a-number
check get_service_bad_id 400 'body["http_method"] == "GET" and body["error_code"] == "INVALID_ARGUMENT"'
call GET /services/987654321
check get_service_not_found 404 'body == {"http_method": "GET", "http_code": 404, "error_code": "NOT_FOUND", "error_description": "Service 987654321 does not exist in tenant '"'$TENANT'"'."}'
call GET "/services/$SID/tasks/987654"
check get_task_not_found 404 'body["error_code"] == "NOT_FOUND"'

call DELETE "/services/$SID"
check delete_service 204 'body is None'
call GET "/services/$SID"
check deleted_service_not_found 404 'body["error_code"] == "NOT_FOUND"'

# The journey link: an Avaya engagement (JourneyService REST) and Context Services services of the
# same account (tenant = account id), found from any identifier of the journey.
ACCT=$(LC_ALL=C tr -dc 'A-Z' </dev/urandom 2>/dev/null | head -c 6)
STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' -H 'content-type: application/json' --data-binary '{"id": "dbf2aca9-b905-4ef1-a181-fa85133ae441", "startDate": "2019-07-23T17:45:21.002Z", "identifiers": {"phoneNumbers": ["019 718 0171"], "emailAddresses": ["melinda14@example.org"]}, "conversations": ["Mortgage Application"]}' "${1%/}/api/journey/v1/accounts/$ACCT/engagements")
check journey_engagement_created 202 'body is None'
STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' -H 'content-type: application/json' --data-binary '{"customer_id":"melinda14@example.org"}' "$BASE/services/start?tenant=$ACCT")
check journey_customer_service_started 201 'body["service_id"] > 0'
JS1=$(field service_id)
STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' -H 'content-type: application/json' --data-binary '{"contact_key":"ANI-1","interaction_id":"dbf2aca9-b905-4ef1-a181-fa85133ae441"}' "$BASE/services/start?tenant=$ACCT")
check journey_interaction_service_started 201 'body["service_id"] > 0'
JS2=$(field service_id)
STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' "$BASE/accounts/$ACCT/journey/services?identifier_type=phoneNumbers&identifier_value=019%20718%200171")
check list_journey_services 200 'sorted(s["service_id"] for s in body) == sorted(['"$JS1, $JS2"'])'
STATUS=$(curl -sS -m 20 -o "$WORK/out" -w '%{http_code}' "$BASE/accounts/$ACCT/journey/services?identifier_type=phoneNumbers&identifier_value=000")
check list_journey_services_unknown_not_found 404 'body["error_code"] == "NOT_FOUND"'

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
