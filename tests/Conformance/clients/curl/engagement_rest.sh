#!/usr/bin/env bash
# The engagement service's REST URLs driven with curl through the gateway, as their legacy callers
# send them: GWE engage / noengage with the documented form field (ixnProfile=<JSON>,
# cancelData=<JSON>) and as a JSON body, Genesys Cloud actionevent and ping, and the project's
# web-action, performance and watch URLs. Each check asserts the HTTP status and the body's shape.
# One line per check:
#
#   PASS <check>            FAIL <check>: <reason>
#
# then "N passed, M failed". Exit 1 if any check failed, 2 on a usage error.
#
#   tests/Conformance/clients/curl/engagement_rest.sh http://127.0.0.1:8080 [DEPLOYMENT_UUID]
#
# Needs curl and /usr/bin/python3 (standard library only, for the JSON checks).
set -uo pipefail

if [[ $# -lt 1 || "$1" != http* ]]; then
  echo "usage: $0 BASE_URL [DEPLOYMENT_UUID]" >&2
  exit 2
fi
BASE="${1%/}"
PY=/usr/bin/python3
uuid() { cat /proc/sys/kernel/random/uuid; }
DEPLOYMENT="${2:-$(uuid)}"
MAP="$(uuid)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# request NAME CURL_ARGS...: runs curl, the body in $WORK/NAME.out, the status in $status.
request() {
  local name=$1
  shift
  status=$(curl -sS -m 20 -o "$WORK/$name.out" -w '%{http_code}' "$@")
}

# expect NAME HTTP_STATUS PYTHON_CONDITION: the status, and the condition on the parsed body `d`
# (None for an empty body) and its raw text `t`.
expect() {
  local name=$1 want=$2 condition=$3
  if [[ $status != "$want" ]]; then
    fail "$name" "HTTP $status, expected $want: $(head -c 300 "$WORK/$name.out")"
    return
  fi
  if reason=$("$PY" - "$WORK/$name.out" "$condition" <<'PYEOF'
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(t) if t and "\n" not in t.strip() else None
if not eval(sys.argv[2]):
    print("condition false: %s on %s" % (sys.argv[2], t[:300]))
    sys.exit(1)
PYEOF
  ); then
    pass "$name"
  else
    fail "$name" "$reason"
  fi
}

# field NAME PYTHON_EXPRESSION: a value from a stored body.
field() { "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$WORK/$1.out" "$2"; }

ENGAGE="$BASE/server/data/gateway/engage?deploymentId=$DEPLOYMENT&actionMapId=$MAP&actionMapVersion=1"
NOENGAGE="$BASE/server/data/gateway/noengage?deploymentId=$DEPLOYMENT"
EVENTS="$BASE/api/v2/journey/deployments/$DEPLOYMENT/actionevent"
JSON=(-H 'content-type: application/json')

VISIT=$(uuid)
CUSTOMER=$(uuid)
PROFILE='{"visitID":"'$VISIT'","globalVisitID":"'$CUSTOMER'","pageID":"'$(uuid)'","interactionID":"0001KaDKMA0MKPB1","engagementType":"chat","data":{"queue":"sales","rank":3,"vip":true,"tags":["a",null]}}'
echo "$PROFILE" >"$WORK/profile.json"

request engage_form_field --data-urlencode "ixnProfile=$PROFILE" "$ENGAGE"
expect engage_form_field 200 'd["webAction"]["state"] == "WEB_ACTION_STATE_QUALIFIED" and d["webAction"]["ixnProfile"] == json.loads(open("'"$WORK/profile.json"'").read()) and len(d["webAction"]["id"]) == 36'
ACTION=$(field engage_form_field 'd["webAction"]["id"]')

request engage_in_progress_400 "${JSON[@]}" --data-binary "$PROFILE" "$ENGAGE"
expect engage_in_progress_400 400 'd["code"] == 9 and "already has engagement attempt '"$ACTION"' in progress" in d["message"]'

VISIT2=$(uuid)
request engage_json_body "${JSON[@]}" --data-binary '{"visitID":"'$VISIT2'","custom":{"k":1}}' "$ENGAGE"
expect engage_json_body 200 'd["webAction"]["sessionId"] == "'"$VISIT2"'" and d["webAction"]["ixnProfile"]["custom"] == {"k": 1}'

request engage_malformed_json_400 --data-urlencode 'ixnProfile={"visitID":' "$ENGAGE"
expect engage_malformed_json_400 400 'd["code"] == 3 and "not correctly formatted" in d["message"]'

request engage_missing_parameter_400 --data-urlencode 'profile={}' "$ENGAGE"
expect engage_missing_parameter_400 400 '"ixnProfile" in d["message"]'

request engage_invalid_visit_400 "${JSON[@]}" --data-binary '{"visitID":"visit-1"}' "$ENGAGE"
expect engage_invalid_visit_400 400 'd["code"] == 3 and "ixnProfile.visitID must be a UUID" in d["message"] and d["details"][0]["fieldViolations"][0]["field"] == "ixnProfile.visitID"'

request noengage_json_body "${JSON[@]}" --data-binary '{"visitID":"'$VISIT2'"}' "$NOENGAGE"
expect noengage_json_body 200 'd["webActions"][0]["state"] == "WEB_ACTION_STATE_CANCELLED" and d["webActions"][0]["cancelData"] == {"visitID": "'"$VISIT2"'"}'

request noengage_unknown_attempt_400 --data-urlencode 'cancelData={"visitID":"'$VISIT2'"}' "$NOENGAGE"
expect noengage_unknown_attempt_400 400 'd["code"] == 5 and "has no engagement attempt in progress" in d["message"]'

request ping_waiting_actions "$BASE/api/v2/journey/deployments/$DEPLOYMENT/customers/$CUSTOMER/ping"
expect ping_waiting_actions 200 'd == {"actions": [{"id": "'"$ACTION"'", "mediaType": "contentOffer", "customerId": "'"$CUSTOMER"'", "customerIdType": "cookie", "actionMapId": "'"$MAP"'", "actionMapVersion": 1, "sessionId": "'"$VISIT"'"}], "pollIntervalMilliseconds": 10000}'

event() { echo '{"sessionId":"'$VISIT'","actionId":"'$ACTION'","actionState":"'$1'"'"${2:-}"'}'; }
request actionevent_offered_204 "${JSON[@]}" --data-binary "$(event offered)" "$EVENTS"
expect actionevent_offered_204 204 'd is None'
request actionevent_accepted_204 "${JSON[@]}" --data-binary "$(event accepted)" "$EVENTS"
expect actionevent_accepted_204 204 'd is None'
request actionevent_terminal_409 "${JSON[@]}" --data-binary "$(event rejected)" "$EVENTS"
expect actionevent_terminal_409 409 'd["code"] == 9 and d["message"].endswith("cannot change from ACCEPTED to REJECTED: ACCEPTED is terminal.")'
request actionevent_invalid_state_400 "${JSON[@]}" --data-binary "$(event clicked)" "$EVENTS"
expect actionevent_invalid_state_400 400 'd["details"][0]["fieldViolations"][0]["field"] == "actionState"'
request actionevent_error_fields_400 "${JSON[@]}" --data-binary "$(event accepted ',"errorCode":1')" "$EVENTS"
expect actionevent_error_fields_400 400 '"errorCode is only allowed with actionState errored" in d["message"]'
request actionevent_unknown_action_404 "${JSON[@]}" --data-binary '{"sessionId":"'$VISIT'","actionId":"'$(uuid)'","actionState":"offered"}' "$EVENTS"
expect actionevent_unknown_action_404 404 'd["code"] == 5'

request web_action_get "$BASE/v1/deployments/$DEPLOYMENT/web-actions/$ACTION"
expect web_action_get 200 'd["webAction"]["state"] == "WEB_ACTION_STATE_ACCEPTED" and [h["state"] for h in d["webAction"]["history"]] == ["WEB_ACTION_STATE_QUALIFIED", "WEB_ACTION_STATE_OFFERED", "WEB_ACTION_STATE_ACCEPTED"]'

VISIT3=$(uuid)
request noengage_form_field --data-urlencode "ixnProfile={\"visitID\":\"$VISIT3\"}" "$ENGAGE"
request noengage_form_field --data-urlencode "cancelData={\"visitID\":\"$VISIT3\",\"reason\":\"no agent\"}" "$NOENGAGE"
expect noengage_form_field 200 'len(d["webActions"]) == 1 and d["webActions"][0]["cancelData"]["reason"] == "no agent"'

FROM=$("$PY" -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
TO=$("$PY" -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
request performance_counts "$BASE/v1/deployments/$DEPLOYMENT/action-maps/$MAP/versions/1/performance?startTime=$FROM&endTime=$TO"
expect performance_counts 200 'd["qualified"] == 3 and d["offered"] == 1 and d["accepted"] == 1 and abs(d["offeredPercent"] - 33.33) < 1e-9 and d["acceptedPercent"] == 100 and "engaged" not in d'
request performance_missing_range_400 "$BASE/v1/deployments/$DEPLOYMENT/action-maps/$MAP/versions/1/performance"
expect performance_missing_range_400 400 '"startTime is required" in d["message"] and "endTime is required" in d["message"]'

# The watch from the start of the log, read for 2 s as NDJSON: the start message, then every change in order.
curl -sS -N -m 2 "$BASE/v1/deployments/$DEPLOYMENT/web-actions:watch?afterSequence=0" >"$WORK/watch_ndjson.out" 2>/dev/null
status=200
expect watch_ndjson 200 '[m.get("resumeAfterSequence", 0) for m in map(json.loads, t.splitlines())] == list(range(0, 8)) and json.loads(t.splitlines()[0])["start"] == {} and json.loads(t.splitlines()[-1])["event"]["action"]["state"] == "WEB_ACTION_STATE_CANCELLED"'

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
