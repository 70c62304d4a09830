#!/usr/bin/env bash
# Every example request of the Avaya AXP Customer Journey reference
# (shared/reference/avaya-customer-journey-api.md, section 4), sent with curl to the REST URL
# (/api/journey/v1/accounts/{accountId}/...) of a running host, plus each documented 400 / 404 /
# 422 case. Each check asserts the documented status and body shape (keys, types, enum values,
# application/problem+json errors) and prints one line:
#
#   PASS <example>            FAIL <example>: <status, content type, body excerpt>
#
# then "N passed, M failed". Exit 1 if any check failed, 2 on a usage error.
#
#   tests/Conformance/clients/curl/journey_examples.sh http://127.0.0.1:8080 [ACCOUNT]
#
# The examples run literally, with two substitutions the spec forces: identifier type ids are
# assigned by the server, so get/update/delete identifier use the ids this run created; and the
# account is a fresh random one (examples use JDBUTC / ABCDEF) so runs never see each other.
# Needs curl and /usr/bin/python3 (standard library only, for the JSON checks).
set -uo pipefail

if [[ $# -lt 1 || "$1" != http* ]]; then
  echo "usage: $0 BASE_URL [ACCOUNT]" >&2
  exit 2
fi
BASE="${1%/}"
ACC="${2:-$(LC_ALL=C tr -dc 'A-Z' </dev/urandom 2>/dev/null | head -c 6)}"
API="$BASE/api/journey/v1/accounts/$ACC"
PY=/usr/bin/python3
TIMEOUT_S=20

passed=0
failed=0
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
BODY="$WORK/body"
STATUS=""
CTYPE=""

# send METHOD URL [JSON]: one request; sets STATUS and CTYPE, body in $BODY.
send() {
  local method=$1 url=$2 data=${3-}
  local args=(-sS -o "$BODY" -w '%{http_code} %{content_type}' --max-time "$TIMEOUT_S" -X "$method" -H 'accept: application/json')
  if [[ -n "$data" ]]; then
    args+=(-H 'content-type: application/json' --data-binary "$data")
  fi
  local out
  if ! out=$(curl "${args[@]}" "$url" 2>"$WORK/err"); then
    STATUS="000"
    CTYPE="curl: $(head -c 200 "$WORK/err")"
    : >"$BODY"
    return
  fi
  STATUS=${out%% *}
  CTYPE=${out#* }
}

pass() { passed=$((passed + 1)); echo "PASS $1"; }

fail() {
  failed=$((failed + 1))
  local reason
  reason="$(printf '%s' "$2" | tr '\r\n\t' '   ' | tr -s ' ' | cut -c1-400)"
  echo "FAIL $1: ${reason}"
}

# check NAME STATUS PYEXPR: the last response has STATUS and PYEXPR holds, with b = the parsed
# JSON body (None when empty), ct = the content type, shapes = the helpers below.
check() {
  local name=$1 want=$2 expr=$3
  if [[ "$STATUS" != "$want" ]]; then
    fail "$name" "status $STATUS (want $want), content-type '$CTYPE', body $(head -c 300 "$BODY")"
    return 1
  fi
  local verdict
  verdict=$(CT="$CTYPE" EXPR="$expr" "$PY" - "$BODY" <<'PYEOF'
import json, os, re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
ct = os.environ["CT"]
try:
    b = json.loads(raw) if raw.strip() else None
except ValueError as error:
    print("body is not JSON: %s: %r" % (error, raw[:200])); sys.exit(0)
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
def json_ct(): return ct.split(";")[0].strip() == "application/json"
def identifiers(v): return isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, list) and all(isinstance(s, str) for s in x) for k, x in v.items())
def flat(v): return sorted("%s=%s" % (k, s) for k, x in v.items() for s in x)
def date(v): return isinstance(v, str) and bool(DATE.match(v))
def pagination(p, number, size): return isinstance(p, dict) and p.get("pageNumber") == number and p.get("pageSize") == size and isinstance(p.get("total"), int)
def participant(p): return p.get("type") in ("EXTERNAL", "AGENT", "TREATMENT") and isinstance(p.get("id"), str) and date(p.get("joinedAt")) and ("leftAt" not in p or date(p["leftAt"])) and p.get("state") in ("ACTIVE", "HELD", "DROPPED")
def engagement(e): return (isinstance(e, dict) and bool(UUID.match(e.get("id", ""))) and e.get("status") in ("CREATED", "ACTIVE", "COMPLETED")
    and e.get("direction") in ("INBOUND", "OUTBOUND") and date(e.get("startDate")) and identifiers(e.get("identifiers", {}))
    and all(participant(p) for p in e.get("participants", [])) and all(isinstance(c, str) for c in e.get("conversations", []))
    and all(isinstance(v, str) for v in e.get("data", {}).values()) and all(set(c) <= {"id", "type"} for c in e.get("channels", [])))
def identifier_type(t, acc): return (set(t) == {"identifierId", "displayName", "name", "identifierStrength", "url"} and bool(UUID.match(t["identifierId"]))
    and t["identifierStrength"] in ("WEAK", "STRONG", "VERY_STRONG") and t["url"] == "/api/journey/v1/accounts/%s/identifiers/%s" % (acc, t["identifierId"]))
def note(n): return isinstance(n, dict) and len(n.get("id", "")) == 20 and bool(UUID.match(n.get("engagementId", ""))) and isinstance(n.get("note"), str) and date(n.get("createdAt"))
def agent(a): return set(a) == {"agentId", "channelProviderId", "leftAt"} and date(a["leftAt"])
def problem(status, field=None, message=None):
    if ct.split(";")[0].strip() != "application/problem+json": return False
    if not (isinstance(b, dict) and b.get("status") == status and isinstance(b.get("title"), str) and isinstance(b.get("type"), str)): return False
    if field is None: return True
    return any(v.get("field") == field and (message is None or v.get("message") == message) for v in b.get("violations", []))
acc = os.environ.get("ACC", "")
try:
    ok = eval("(" + os.environ["EXPR"] + "\n)")
except Exception as error:  # noqa: BLE001
    print("check raised %s: %s" % (type(error).__name__, error)); sys.exit(0)
print("ok" if ok else "shape mismatch")
PYEOF
)
  if [[ "$verdict" == "ok" ]]; then
    pass "$name"
  else
    fail "$name" "$verdict; content-type '$CTYPE', body $(head -c 300 "$BODY")"
    return 1
  fi
}

# json EXPR: evaluates EXPR on the last body (b) and prints the result.
json() { "$PY" -c 'import json,sys; b=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$BODY" "$1" 2>/dev/null; }

export ACC
ENG1=dbf2aca9-b905-4ef1-a181-fa85133ae441
ENG2=8b23981b-69b4-446f-ace7-b4ad22715979
ENG_RESPONSE=8e557fd6-580a-43b3-8cf9-db8169f4af5a
ENG_OUTBOUND=94594028-5559-4efb-8263-9698e3ffe61d
ONE_ID=b9da2450-415c-46ff-af58-0c3f39aee204
MULTI_IDS=(b9da2450-415c-46ff-af58-0c3f39aee204 9a8575cb-344f-4435-88b0-233455323a52 db158d0e-3926-45b5-a353-35d1e8b82705)
PROBLEM_400='problem(400, "accountId", "must match \"^[a-zA-Z]{6}$\"")'

# engagement_body ID START [DIRECTION]: engagement-create-1 with another id (setup for the GET examples).
engagement_body() {
  local direction=${3:+, \"direction\": \"$3\"}
  printf '{"id": "%s", "startDate": "%s", "identifiers": {"phoneNumbers": ["019 718 0171", "188-115-7717", "+353 628 9848"], "emailAddresses": ["melinda14@example.org", "cmartin@example.org"]}, "conversations": ["Mortgage Application", "First-time Buyer"], "data": {"referenceNumber": "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", "currentStatus": "Under review"}%s}' "$1" "$2" "$direction"
}

# ---- Identifier types (section 4.8) ------------------------------------------------------------
send POST "$API/identifiers" '{"name": "universalIds", "displayName": "Universal ids", "identifierStrength": "STRONG"}'
check setup_identifier_universalIds 200 'identifier_type(b, acc) and b["name"] == "universalIds" and json_ct()' && UNIVERSAL_ID=$(json 'b["identifierId"]')
send POST "$API/identifiers" '{"name": "phoneNumbers", "displayName": "Phone Numbers", "identifierStrength": "WEAK"}'
check create-a-new-identifier 200 'identifier_type(b, acc) and b["name"] == "phoneNumbers" and b["displayName"] == "Phone Numbers" and b["identifierStrength"] == "WEAK"' && PHONE_TYPE_ID=$(json 'b["identifierId"]')
send POST "$API/identifiers" '{"name": "twitterHandles", "displayName": "Twitter Handles", "identifierStrength": "STRONG"}'
check setup_identifier_twitterHandles 200 'identifier_type(b, acc)' && TWITTER_ID=$(json 'b["identifierId"]')
send POST "$API/identifiers" '{"name": "phoneNumbers", "displayName": "Phone Numbers", "identifierStrength": "WEAK"}'
check create_identifier_duplicate_400 400 "problem(400, \"name\", \"identifier 'phoneNumbers' already exists for account '$ACC'\")"
send POST "$API/identifiers" '{"name": "x y", "displayName": "", "identifierStrength": "WEAK"}'
check create_identifier_invalid_400 400 'problem(400, "name", "must match \"^[a-zA-Z0-9_\\.]+$\"") and problem(400, "displayName", "must not be empty")'
# An unknown strength (the spec's own text spells it "VERY STRONG") never reaches the service: the
# gateway's JSON parser rejects the enum value, still as a 400 problem naming identifierStrength.
send POST "$API/identifiers" '{"name": "veryStrong", "displayName": "Very strong", "identifierStrength": "VERY STRONG"}'
check create_identifier_strength_400 400 'problem(400, "identifierStrength")'
send GET "$API/identifiers"
check getIdentifiers 200 'isinstance(b, list) and [t["name"] for t in b] == ["universalIds", "phoneNumbers", "twitterHandles"] and all(identifier_type(t, acc) for t in b)'
send GET "$API/identifiers/${UNIVERSAL_ID:-none}"
check getIdentifierResponse 200 'identifier_type(b, acc) and b["name"] == "universalIds" and b["displayName"] == "Universal ids"'
send GET "$API/identifiers/23aafae6-5d7e-40cd-8825-27313a5af3e8"
check get_identifier_unknown_404 404 'problem(404)'
send GET "$BASE/api/journey/v1/accounts/JDBUT/identifiers"
check get_identifiers_account_400 400 "$PROBLEM_400"
send POST "$API/identifiers" '{"name": "mailAddresses", "displayName": "Mail addresses", "identifierStrength": "WEAK"}'
MAIL_ID=$(json 'b["identifierId"]')
send PUT "$API/identifiers/${MAIL_ID:-none}" '{"identifierStrength": "STRONG", "name": "emailAddresses", "displayName": "E-Mail addresses"}'
check update-an-identifier 200 'identifier_type(b, acc) and b["name"] == "emailAddresses" and b["displayName"] == "E-Mail addresses" and b["identifierStrength"] == "STRONG"'
send PUT "$API/identifiers/feb2cc8d-696f-409e-97ce-4d122a685a42" '{"identifierStrength": "STRONG", "name": "emailAddresses", "displayName": "E-Mail addresses"}'
check update_identifier_unknown_404 404 'problem(404)'

# ---- Engagements (sections 4.2, 4.3) -------------------------------------------------------------
CREATE_1='{"id": "dbf2aca9-b905-4ef1-a181-fa85133ae441", "startDate": "2019-07-23T17:45:21.002Z", "identifiers": {"phoneNumbers": ["019 718 0171", "188-115-7717", "+353 628 9848"], "emailAddresses": ["melinda14@example.org", "cmartin@example.org"]}, "conversations": ["Mortgage Application", "First-time Buyer"], "data": {"referenceNumber": "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", "currentStatus": "Under review"}}'
send POST "$API/engagements" "$CREATE_1"
check engagement-create-1 202 'b is None'
send POST "$API/engagements" "$CREATE_1"
check engagement-create-1_repeated_idempotent 202 'b is None'
send POST "$API/engagements" '{"id": "8b23981b-69b4-446f-ace7-b4ad22715979", "startDate": "2019-07-23T17:45:21.002Z", "identifiers": {"universalIds": ["7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"]}, "data": {"referenceNumber": "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32"}}'
check engagement-create-2 202 'b is None'
send POST "$API/engagements" '{"startDate": "2019-07-23T17:45:21.002Z", "identifiers": {}}'
check create_engagement_invalid_400 400 'problem(400, "id", "must not be empty") and problem(400, "identifiers", "size must be between 1 and 10")'
# Issue 18: invalid UTF-8 in a JSON body, the bug report's bytes (printf '{"id":"\xff\xfe\x80",...}').
send POST "$API/engagements" $'{"id":"\xff\xfe\x80","startDate":"2026-01-01T00:00:00Z"}'
check create_engagement_invalid_utf8_400 400 'problem(400, "id", "not valid UTF-8; request bodies must be UTF-8 text.")'
send POST "$API/engagements" "$(engagement_body "$ENG_RESPONSE" 2019-07-23T17:45:21.002Z)"
check setup_engagement_response 202 'b is None'
send POST "$API/engagements" "$(engagement_body "$ENG_OUTBOUND" 2019-07-23T17:45:21.002Z OUTBOUND)"
check setup_engagement_outbound 202 'b is None'
for id in "${MULTI_IDS[@]}"; do
  send POST "$API/engagements" "$(engagement_body "$id" 2020-01-01T00:00:00Z)"
  check "setup_engagement_$id" 202 'b is None'
done
send GET "$API/engagements/$ENG_RESPONSE"
check engagement-response 200 "engagement(b) and b['id'] == '$ENG_RESPONSE' and b['accountId'] == acc and json_ct()"
send GET "$API/engagements/$ENG_OUTBOUND"
check engagement_outbound 200 'engagement(b) and b["direction"] == "OUTBOUND"'
send GET "$API/engagements/0f5d4e8f-2f73-439b-a8f7-af973291cfba"
check get_engagement_unknown_404 404 'problem(404)'
send GET "$BASE/api/journey/v1/accounts/ABC12/engagements/$ENG_RESPONSE"
check ErrorConstraintViolation 400 "$PROBLEM_400"
send GET "$API/engagements/not-a-uuid"
check get_engagement_id_400 400 'problem(400, "engagementId", "must be a 36 character UUID")'
send GET "$API/engagements?engagementIds=$ONE_ID"
check oneId 200 "isinstance(b, dict) and [e['id'] for e in b['engagements']] == ['$ONE_ID'] and pagination(b['pagination'], 1, 50) and b['pagination']['total'] == 1 and all(engagement(e) for e in b['engagements'])"
send GET "$API/engagements?engagementIds=$(IFS=,; echo "${MULTI_IDS[*]}")"
check multipleIds_comma_separated 200 "[e['id'] for e in b['engagements']] == '${MULTI_IDS[*]}'.split() and b['pagination']['total'] == 3"
send GET "$API/engagements?engagementIds=${MULTI_IDS[2]}&engagementIds=${MULTI_IDS[0]}&engagementIds=${MULTI_IDS[1]}"
check multipleIds_repeated_key 200 "[e['id'] for e in b['engagements']] == ['${MULTI_IDS[2]}', '${MULTI_IDS[0]}', '${MULTI_IDS[1]}']"
send GET "$API/engagements?engagementIds=$(IFS=,; echo "${MULTI_IDS[*]}")&pageSize=2&pageNumber=2"
check multipleIds_paged 200 "[e['id'] for e in b['engagements']] == ['${MULTI_IDS[2]}'] and pagination(b['pagination'], 2, 2) and b['pagination']['total'] == 3"
send GET "$API/engagements?engagementIds=00000000-0000-4000-8000-000000000000"
check get_engagements_none_found_404 404 'problem(404)'
send GET "$API/engagements?engagementIds=$ONE_ID&pageSize=51&pageNumber=0"
check get_engagements_paging_400 400 'problem(400, "pageSize", "size must be between 1 and 50") and problem(400, "pageNumber", "must be greater than 0")'
send POST "$API/engagements/$ENG1:update" '{"timestamp": "2019-07-23T17:48:21.002Z", "identifiers": {"accountIds": ["d1482af8-d865-4df0-932d-f9559f25086d"]}, "conversations": ["Mortgage Application", "First-time Buyer"], "data": {"referenceNumber": "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", "currentStatus": "Under review"}}'
check engagement-update-1 202 'b is None'
send POST "$API/engagements/$ENG1:update" '{"timestamp": "2019-07-23T17:48:21.002Z", "identifiers": {"facebookIds": ["x1"]}}'
check update_engagement_unconfigured_400 400 'problem(400, "identifiers", "No valid identifiers configured for account")'
send POST "$API/engagements/0f5d4e8f-2f73-439b-a8f7-af973291cfba:update" '{"timestamp": "2019-07-23T17:48:21.002Z"}'
check update_engagement_unknown_404 404 'problem(404)'
send POST "$API/engagements/$ENG1:appendIdentifiers" '{"identifiers": {"phoneNumbers": ["019 718 0171"], "emailAddresses": ["melinda14@example.org"]}}'
check appendIdentifiers 202 'b is None'
send POST "$API/engagements/0f5d4e8f-2f73-439b-a8f7-af973291cfba:appendIdentifiers" '{"identifiers": {"phoneNumbers": ["019 718 0171"]}}'
check append_identifiers_unknown_404 404 'problem(404)'

# ---- Participants (section 4.9) ------------------------------------------------------------------
PARTICIPANTS="$API/engagements/$ENG_RESPONSE/participants"
send POST "$PARTICIPANTS/443f413f-75f4-4ee4-a261-275e2c4a4c6f:add" '{"type": "EXTERNAL", "channelId": "Voice", "channelType": "VOICE", "callingNumber": "087 12345", "dialledNumber": "1590 12345", "timestamp": "2019-07-23T17:45:21.001Z", "dialogId": "67ec5131-259c-4924-bb08-d87cf315e5e3"}'
check participant-create-external 202 'b is None'
send POST "$PARTICIPANTS/1b3232rerew343432432432:add" '{"type": "TREATMENT", "channelId": "Voice", "channelType": "VOICE", "automationType": "SELF_SERVICE", "timestamp": "2019-07-23T17:45:21.002Z", "dialogId": "67ec5131-259c-4924-bb08-d87cf315e5e3"}'
check participant-create-treatment 202 'b is None'
send POST "$PARTICIPANTS/e5e8b989-c0d3-493e-9c6c-a1e482c42946:add" '{"type": "AGENT", "channelId": "Voice", "channelType": "VOICE", "extension": "ext/1234", "timestamp": "2019-07-23T17:45:21.003Z", "dialogId": "57f78d8e-5579-47de-b3d0-8aee161039c0"}'
check participant-create-agent 202 'b is None'
send POST "$PARTICIPANTS/e5e8b989-c0d3-493e-9c6c-a1e482c42946:add" '{"type": "AGENT", "channelId": "Voice", "channelType": "VOICE", "timestamp": "2019-07-23T17:45:21.003Z", "dialogId": "57f78d8e"}'
check add_participant_invalid_400 400 'problem(400, "extension", "must not be empty") and problem(400, "dialogId", "must be a 36 character UUID")'
send POST "$API/engagements/0f5d4e8f-2f73-439b-a8f7-af973291cfba/participants/443f413f-75f4-4ee4-a261-275e2c4a4c6f:add" '{"type": "EXTERNAL", "channelId": "Voice", "channelType": "VOICE", "callingNumber": "087 12345", "dialledNumber": "1590 12345", "timestamp": "2019-07-23T17:45:21.001Z", "dialogId": "67ec5131-259c-4924-bb08-d87cf315e5e3"}'
check add_participant_unknown_engagement_404 404 'problem(404)'
send POST "$PARTICIPANTS/e5e8b989-c0d3-493e-9c6c-a1e482c42946:remove"
check removeParticipant 202 'b is None'
send POST "$PARTICIPANTS/nobody:remove"
check remove_participant_unknown_404 404 'problem(404)'
send GET "$API/engagements/$ENG_RESPONSE"
check engagement_participants_state 200 "engagement(b) and b['status'] == 'ACTIVE' and {p['id']: p['state'] for p in b['participants']} == {'443f413f-75f4-4ee4-a261-275e2c4a4c6f': 'ACTIVE', '1b3232rerew343432432432': 'ACTIVE', 'e5e8b989-c0d3-493e-9c6c-a1e482c42946': 'DROPPED'} and b['channels'] == [{'id': 'Voice', 'type': 'VOICE'}]"

# The agent of the search examples, present on engagement-response (Voice, Mortgage Application, in the date range).
send POST "$PARTICIPANTS/4dd8a4a4-09f4-4dab-a503-91cefc4604e0:add" '{"type": "AGENT", "channelId": "Voice", "channelType": "VOICE", "extension": "ext/5678", "timestamp": "2019-07-23T17:46:00Z", "dialogId": "57f78d8e-5579-47de-b3d0-8aee161039c0"}'
check setup_search_agent 202 'b is None'

# ---- Journeys (sections 4.4 - 4.7) -----------------------------------------------------------------
send POST "$API/journeys" '{"identifiers": {"accountIds": ["d1482af8-d865-4df0-932d-f9559f25086d"], "emailAddresses": ["melinda14@example.org"]}}'
check journey-create-1 202 'b is None'
send POST "$API/journeys" '{"identifiers": {}}'
check create_journey_invalid_400 400 'problem(400, "identifiers")'
SEARCH_SHAPE='isinstance(b, dict) and identifiers(b["identifiers"]) and len(b["identifiers"]) > 0 and all(engagement(e) for e in b.get("engagements", [])) and pagination(b["pagination"], 1, 50)
  and [e["startDate"] for e in b.get("engagements", [])] == sorted((e["startDate"] for e in b.get("engagements", [])), reverse=True)'
declare -A SEARCHES=(
  [journey-query-advanced]='{"conversation": "Mortgage Application", "startDate": "2019-07-23T17:45:21.001Z", "endDate": "2020-07-23T17:45:21.001Z", "identifiers": {"emailAddresses": ["melinda14@example.org"], "phoneNumbers": ["019 718 0171", "+353 019 718 9999"]}, "agentId": "4dd8a4a4-09f4-4dab-a503-91cefc4604e0", "channelIds": ["Voice", "Email"]}'
  [journey-query-with-identifiers]='{"identifiers": {"emailAddresses": ["melinda14@example.org"]}}'
  [journey-query-within-date-time]='{"startDate": "2019-07-23T17:45:21.001Z", "endDate": "2020-07-23T17:45:21.001Z", "identifiers": {"emailAddresses": ["melinda14@example.org"]}}'
  [journey-query-after-date-time]='{"startDate": "2019-07-23T17:45:21.001Z", "identifiers": {"emailAddresses": ["melinda14@example.org"]}}'
  [journey-query-before-date-time]='{"endDate": "2020-07-23T17:45:21.001Z", "identifiers": {"emailAddresses": ["melinda14@example.org"]}}'
  [journey-query-with-conversation]='{"conversation": "Mortgage Application", "identifiers": {"emailAddresses": ["melinda14@example.org"]}}'
  [journey-query-with-agent]='{"agentId": "4dd8a4a4-09f4-4dab-a503-91cefc4604e0"}'
  [journey-query-with-channels]='{"channelIds": ["Voice", "Chat", "Email"]}'
)
declare -A SEARCH_EXPECT=(
  [journey-query-advanced]="[e['id'] for e in b['engagements']] == ['$ENG_RESPONSE']"
  [journey-query-with-identifiers]="b['pagination']['total'] == 6"
  [journey-query-within-date-time]="b['pagination']['total'] == 6"
  [journey-query-after-date-time]="b['pagination']['total'] == 6"
  [journey-query-before-date-time]="b['pagination']['total'] == 6"
  [journey-query-with-conversation]="b['pagination']['total'] == 6"
  [journey-query-with-agent]="[e['id'] for e in b['engagements']] == ['$ENG_RESPONSE']"
  [journey-query-with-channels]="b['pagination']['total'] >= 1 and all(any(c['id'] in ('Voice', 'Chat', 'Email') for c in e['channels']) for e in b['engagements'])"
)
for example in journey-query-advanced journey-query-with-identifiers journey-query-within-date-time journey-query-after-date-time journey-query-before-date-time journey-query-with-conversation journey-query-with-agent journey-query-with-channels; do
  send POST "$API/journeys:search" "${SEARCHES[$example]}"
  check "$example" 200 "$SEARCH_SHAPE and ${SEARCH_EXPECT[$example]}"
done
send POST "$API/journeys:search" "${SEARCHES[journey-query-with-identifiers]}"
check journey-search-response_linked 200 "'accountIds=d1482af8-d865-4df0-932d-f9559f25086d' in flat(b['identifiers']) and 'universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf' not in flat(b['identifiers']) and b['pagination']['total'] == 6"
send POST "$API/journeys:search?pageSize=2&pageNumber=2" "${SEARCHES[journey-query-with-identifiers]}"
check search_paged 200 'len(b["engagements"]) == 2 and pagination(b["pagination"], 2, 2) and b["pagination"]["total"] == 6'
send POST "$API/journeys:search?pageSize=0&pageNumber=0" '{"identifiers": {}}'
check search_invalid_400 400 'problem(400, "pageSize", "size must be between 1 and 50") and problem(400, "pageNumber", "must be greater than 0") and problem(400, "identifiers", "must not be empty")'
send POST "$API/journeys:search" '{"identifiers": {"emailAddresses": ["nobody@example.org"]}}'
check search_unknown_404 404 'problem(404)'
UNLINK_SET='"identifiers": {"accountIds": ["d1482af8-d865-4df0-932d-f9559f25086d"], "emailAddresses": ["melinda14@example.org"], "phoneNumbers": ["087 12345"]}'
for pair in 'unlink-account-id|"accountIds": "d1482af8-d865-4df0-932d-f9559f25086d"|accountIds=d1482af8-d865-4df0-932d-f9559f25086d' \
            'unlink-email-address|"emailAddresses": "melinda14@example.org"|emailAddresses=melinda14@example.org' \
            'unlink-phone-number|"phoneNumbers": "087 12345"|phoneNumbers=087 12345'; do
  IFS='|' read -r example unlink gone <<<"$pair"
  send POST "$API/journeys" "{$UNLINK_SET}"
  send POST "$API/journeys:unlinkIdentifier" "{$UNLINK_SET, \"unlinkIdentifier\": {$unlink}}"
  check "$example" 200 "set(b) == {'identifiers'} and identifiers(b['identifiers']) and '$gone' not in flat(b['identifiers']) and len(set(['accountIds=d1482af8-d865-4df0-932d-f9559f25086d', 'emailAddresses=melinda14@example.org', 'phoneNumbers=087 12345']) - {'$gone'} - set(flat(b['identifiers']))) == 0"
done
send POST "$API/journeys:unlinkIdentifier" "{$UNLINK_SET, \"unlinkIdentifier\": {\"emailAddresses\": \"other@example.org\"}}"
check unlink_invalid_400 400 'problem(400, "unlinkIdentifier", "must be one of identifiers")'

# list-agents-query-1: three agents of +35387643526236 left on VOICE (the example's leftAt values).
AGENT_ENG=(11111111-1111-4111-8111-111111111111 22222222-2222-4222-8222-222222222222 33333333-3333-4333-8333-333333333333)
AGENT_IDS=(0f28895a-2855-4e02-b00c-52fe93d671f2 c5e92685-921e-4dd3-b856-66b9fdadaca1 faa542cb-1611-4ba5-a3db-1b6b1f560325)
AGENT_LEFT=(2020-07-26T13:24:52.130Z 2020-07-23T18:12:34.246Z 2020-07-19T10:45:22.589Z)
for i in 0 1 2; do
  send POST "$API/engagements" "{\"id\": \"${AGENT_ENG[$i]}\", \"startDate\": \"2020-07-19T10:00:00Z\", \"identifiers\": {\"phoneNumbers\": [\"+35387643526236\"]}}"
  send POST "$API/engagements/${AGENT_ENG[$i]}/participants/${AGENT_IDS[$i]}:add" "{\"type\": \"AGENT\", \"channelId\": \"Voice\", \"channelType\": \"VOICE\", \"extension\": \"ext/1234\", \"timestamp\": \"2020-07-19T10:00:00Z\", \"dialogId\": \"57f78d8e-5579-47de-b3d0-8aee161039c0\", \"channelProviderId\": \"aba84546-1ac2-478e-b225-cadc7e8a2862\"}"
  send POST "$API/engagements/${AGENT_ENG[$i]}/participants/${AGENT_IDS[$i]}:remove?timestamp=${AGENT_LEFT[$i]}"
  check "setup_list_agents_$i" 202 'b is None'
done
LIST_AGENTS='{"identifiers": {"phoneNumbers": ["+35387643526236"]}, "startDate": "2019-07-23T17:45:21.001Z", "channelId": "VOICE"}'
send POST "$API/journeys:listAgents?pageSize=10" "$LIST_AGENTS"
check list-agents-response 200 "isinstance(b, list) and all(agent(a) for a in b) and [a['agentId'] for a in b] == ['${AGENT_IDS[0]}', '${AGENT_IDS[1]}', '${AGENT_IDS[2]}']"
send POST "$API/journeys:listAgents" "$LIST_AGENTS"
check list_agents_default_page_size_1 200 "isinstance(b, list) and [a['agentId'] for a in b] == ['${AGENT_IDS[0]}']"
send POST "$API/journeys:listAgents?pageSize=10&orderBy=asc" "$LIST_AGENTS"
check list_agents_order_asc 200 "[a['agentId'] for a in b] == ['${AGENT_IDS[2]}', '${AGENT_IDS[1]}', '${AGENT_IDS[0]}']"
send POST "$API/journeys:listAgents?pageSize=11&orderBy=up" "$LIST_AGENTS"
check list_agents_invalid_400 400 'problem(400, "pageSize", "size must be between 1 and 10") and problem(400, "orderBy", "must be asc or desc")'
send POST "$API/journeys:listAgents" '{"identifiers": {"phoneNumbers": ["+000 unknown"]}, "channelId": "VOICE"}'
check list_agents_unknown_404 404 'problem(404)'

# ---- Agent notes (section 4.10) -------------------------------------------------------------------
NOTES="$API/engagements/$ENG1"
send POST "$NOTES/agent-note" '{"note": "The agent Note text."}'
check agent-note-create-1 201 "note(b) and b['engagementId'] == '$ENG1' and b['note'] == 'The agent Note text.' and 'updatedAt' not in b" && NOTE_ID=$(json 'b["id"]')
send POST "$NOTES/agent-note" '{"note": "The agent Note text."}'
check AgentNoteAlreadyExists 422 "problem(422, 'Engagement', 'You cannot create second note for accountId = $ACC and engagementId = $ENG1')"
send POST "$NOTES/agent-note" '{"note": ""}'
check agent_note_empty_400 400 'problem(400, "note", "All fields must be populated")'
send GET "$NOTES/agent-notes"
check agent-note-get-response-1 200 "set(b) == {'agentNotes'} and [n['id'] for n in b['agentNotes']] == ['${NOTE_ID:-}'] and all(note(n) for n in b['agentNotes'])"
send PUT "$NOTES/agent-note/${NOTE_ID:-none}" '{"note": "The agent Note text."}'
check agent-note-update-1 200 "note(b) and b['id'] == '${NOTE_ID:-}' and date(b.get('updatedAt'))"
send PUT "$NOTES/agent-note/Isfgy40BJ8Ew1LrQxUJ" '{"note": "The agent Note text."}'
check agent_note_id_400 400 'problem(400, "noteId", "size must be between 20 and 20")'
send GET "$API/engagements/$ENG1"
check engagement_embeds_agent_notes 200 "engagement(b) and [n['id'] for n in b['agentNotes']] == ['${NOTE_ID:-}']"
send DELETE "$NOTES/agent-note/${NOTE_ID:-none}"
check delete_agent_note 204 'b is None'

# ---- Identifier deletion (section 4.8), ids substituted -------------------------------------------
send POST "$API/identifiers:delete" "[\"${TWITTER_ID:-none}\"]"
check delete-a-single-identifier 200 'b is None'
send POST "$API/identifiers:delete" "[\"${PHONE_TYPE_ID:-none}\", \"${MAIL_ID:-none}\", \"universalIds\"]"
check delete-multiple-identifiers 200 'b is None'
send POST "$API/identifiers:delete" '["e53e8dfc-a716-4f53-9647-ca4f712e1c88"]'
check delete_identifiers_unknown_404 404 'problem(404)'
send GET "$API/identifiers"
check identifiers_after_delete 200 'b == []'
send GET "$API/engagements/$ENG2"
check journeys_intact_after_delete 200 "engagement(b) and flat(b['identifiers']) == ['universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf']"

echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
