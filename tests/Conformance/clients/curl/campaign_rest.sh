#!/usr/bin/env bash
# OCS campaign-group notifications POSTed with curl to the REST gateway, as OCS would post them
# (campaigngroup-states-uri = BASE/ocs/campaigngroup-states), then watched back with curl as NDJSON
# and as text/event-stream. Each body must come back field for field: the event's `notification`
# equals the posted JSON (same keys, same values, nulls kept); a server-sent-events watch resumes
# from Last-Event-ID. One line per check:
#
#   PASS <check>            FAIL <check>: <reason>
#
# then "N passed, M failed". Exit 1 if any check failed, 2 on a usage error.
#
#   tests/Conformance/clients/curl/campaign_rest.sh http://127.0.0.1:8080 [TENANT]
#
# Needs curl and /usr/bin/python3 (standard library only, for the JSON checks).
set -uo pipefail

if [[ $# -lt 1 || "$1" != http* ]]; then
  echo "usage: $0 BASE_URL [TENANT]" >&2
  exit 2
fi
BASE="${1%/}"
TENANT="${2:-rest-$(LC_ALL=C tr -dc 'a-z' </dev/urandom 2>/dev/null | head -c 6)}"
PY=/usr/bin/python3
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# The bodies, one per kind of notification; TENANT is substituted.
body() {
  local head='"GSW_USER_EVENT":"CampaignGroupState","GSW_TENANT_NAME":"'"$TENANT"'","GSW_TENANT_CCID":"Unknown","GSW_CAMPAIGN_GROUP_NAME":"Retention Q4@Outbound","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e-2b7d-4c1e-9a53-0d6f7e8a9b10","GSW_CAMPAIGN_GROUP_DBID":"1042","GSW_GROUP_NAME":"Outbound","GSW_CAMPAIGN_NAME":"Retention Q4","GSW_QUEUE_NAME":"7000"'
  case $1 in
    seed_fields_load) echo "{$head,\"GSW_DATE_TIME\":\"1763726400.125\",\"GSW_CAMPAIGN_TEMPLATE_NAME\":\"\",\"GSW_CAMPAIGN_GROUP_STATE\":3,\"GSW_CAMPAIGN_GROUP_ACTION\":7,\"GSW_CAMPAIGN_GROUP_ACTOR\":1}" ;;
    start_predictive) echo "{$head,\"GSW_DATE_TIME\":\"1763726401.500\",\"GSW_DIAL_MODE\":1,\"GSW_OPTIMIZE_BY\":1,\"GSW_OPTIMIZE_GOAL\":85,\"GSW_CAMPAIGN_GROUP_STATE\":5,\"GSW_CAMPAIGN_GROUP_ACTION\":9,\"GSW_CAMPAIGN_GROUP_ACTOR\":2}" ;;
    calling_list_statistics) echo "{$head,\"GSW_DATE_TIME\":\"1763726411.500\",\"GSW_DIAL_MODE\":1,\"GSW_CAMPAIGN_GROUP_STATE\":5,\"GSW_CAMPAIGN_GROUP_ACTOR\":2,\"GSW_STAT_BUSY_FACTOR\":0.85,\"GSW_STAT_HIT_RATIO\":0.3,\"GSW_STAT_OVERDIAL_RATE\":0.02,\"GSW_STAT_TIME_TO_COMPLETE\":600,\"GSW_CALLING_LISTS\":[{\"GSW_CALLING_LIST\":\"List A\",\"GSW_STAT_HIT_RATIO\":0.25,\"GSW_STAT_TIME_TO_COMPLETE\":420},{\"GSW_CALLING_LIST\":\"List B\",\"GSW_STAT_HIT_RATIO\":0.5,\"GSW_STAT_TIME_TO_COMPLETE\":1800.5}]}" ;;
    statistics_nulls) echo "{$head,\"GSW_DATE_TIME\":\"1763726421.500\",\"GSW_CAMPAIGN_GROUP_STATE\":5,\"GSW_CAMPAIGN_GROUP_ACTOR\":2,\"GSW_STAT_BUSY_FACTOR\":null,\"GSW_STAT_HIT_RATIO\":null,\"GSW_STAT_OVERDIAL_RATE\":null,\"GSW_STAT_TIME_TO_COMPLETE\":null,\"GSW_CALLING_LISTS\":[{\"GSW_CALLING_LIST\":\"List A\",\"GSW_STAT_HIT_RATIO\":null,\"GSW_STAT_TIME_TO_COMPLETE\":null}]}" ;;
    unknown_key) echo "{$head,\"GSW_DATE_TIME\":\"1763726431.500\",\"GSW_DIAL_MODE\":6,\"GSW_CAMPAIGN_GROUP_STATE\":5,\"GSW_CAMPAIGN_GROUP_ACTION\":11,\"GSW_CAMPAIGN_GROUP_ACTOR\":1,\"GSW_AUTO_COMPLETION\":1,\"GSW_SITE\":{\"name\":\"Paris\",\"floors\":[1,null]},\"GSW_CALLING_LISTS\":[{\"GSW_CALLING_LIST\":\"List A\",\"GSW_LIST_WEIGHT\":40}]}" ;;
  esac
}
BODIES="seed_fields_load start_predictive calling_list_statistics statistics_nulls unknown_key"

# same_notification EXPECTED_FILE ACTUAL_JSON_FILE: the event's notification equals the body.
same_notification() {
  "$PY" - "$1" "$2" <<'PYEOF'
import json, sys
expected = json.load(open(sys.argv[1]))
event = json.load(open(sys.argv[2]))
event = event.get("event", event)
actual = event.get("notification")
if actual != expected:
    print("notification differs: " + json.dumps(actual, sort_keys=True)[:300])
    sys.exit(1)
PYEOF
}

for name in $BODIES; do
  body "$name" >"$WORK/$name.json"
  status=$(curl -sS -m 20 -o "$WORK/$name.out" -w '%{http_code}' -H 'content-type: application/json' --data-binary @"$WORK/$name.json" "$BASE/ocs/campaigngroup-states")
  if [[ $status != 200 ]]; then
    fail "post_$name" "HTTP $status $(head -c 300 "$WORK/$name.out")"
  elif reason=$(same_notification "$WORK/$name.json" "$WORK/$name.out"); then
    pass "post_$name"
  else
    fail "post_$name" "$reason"
  fi
done

# watch_FORMAT ACCEPT: the whole log from the start, read for 3 s; every posted body comes back in order.
watch() {
  local check=$1 accept=$2 out="$WORK/$1.stream"
  curl -sS -N -m 3 -H "accept: $accept" "$BASE/v1/tenants/$TENANT/campaign-status:watch?after_sequence=0" >"$out" 2>/dev/null
  if reason=$("$PY" - "$out" "$WORK" "$accept" $BODIES <<'PYEOF'
import json, os, sys
path, work, accept, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
lines = open(path, encoding="utf-8").read().splitlines()
if accept == "text/event-stream":
    lines = [l[len("data: "):] for l in lines if l.startswith("data: ")]
events = [m["event"] for m in map(json.loads, filter(None, lines)) if "event" in m]
posted = [n for n in names if os.path.exists(os.path.join(work, n + ".out")) and "event" in json.load(open(os.path.join(work, n + ".out")))]
if len(events) != len(posted):
    print("%d events streamed, %d posted" % (len(events), len(posted))); sys.exit(1)
for i, (event, name) in enumerate(zip(events, posted)):
    if event.get("sequence") != i + 1:
        print("event %d has sequence %r" % (i, event.get("sequence"))); sys.exit(1)
    if event.get("notification") != json.load(open(os.path.join(work, name + ".json"))):
        print("%s differs: %s" % (name, json.dumps(event.get("notification"), sort_keys=True)[:300])); sys.exit(1)
PYEOF
  ); then pass "$check"; else fail "$check" "$reason"; fi
}
watch watch_ndjson application/x-ndjson
watch watch_server_sent_events text/event-stream

# watch_resume_last_event_id: as an EventSource reconnects, with Last-Event-ID 2 and no after_sequence:
# the events after sequence 2 come back, and every event's id: is its message's resumeAfterSequence.
check=watch_resume_last_event_id
curl -sS -N -m 3 -H 'accept: text/event-stream' -H 'Last-Event-ID: 2' "$BASE/v1/tenants/$TENANT/campaign-status:watch" >"$WORK/resume.stream" 2>/dev/null
if reason=$("$PY" - "$WORK/resume.stream" "$WORK" $BODIES <<'PYEOF'
import json, os, sys
path, work, names = sys.argv[1], sys.argv[2], sys.argv[3:]
blocks = [b for b in open(path, encoding="utf-8").read().split("\n\n") if b.strip()]
sequences = []
for block in blocks:
    fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
    message = json.loads(fields["data"])
    if fields.get("id") != str(message["resumeAfterSequence"]):
        print("id %r for resumeAfterSequence %r" % (fields.get("id"), message["resumeAfterSequence"])); sys.exit(1)
    if "event" in message:
        sequences.append(message["event"]["sequence"])
posted = sum(1 for n in names if os.path.exists(os.path.join(work, n + ".out")) and "event" in json.load(open(os.path.join(work, n + ".out"))))
if sequences != list(range(3, posted + 1)):
    print("sequences %r after Last-Event-ID 2, %d posted" % (sequences, posted)); sys.exit(1)
PYEOF
  ); then pass "$check"; else fail "$check" "$reason"; fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
