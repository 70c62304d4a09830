#!/usr/bin/python3
"""CampaignStatusService client (Debian python3-grpcio) with stubs generated from protos/.

Reports OCS campaign-group notifications over gRPC and watches them come back on the
server-streaming WatchCampaignStatus, through stubs that grpc_tools.protoc (python3-grpc-tools)
generates at run time from the repository's protos/ into a temporary directory: no reflection.
(Debian's grpc_tools bundles protoc 3.5.1: the protos are compiled from a copy in which each
proto3 `optional` field is written as the one-field oneof it stands for; see copy_protos.)

    /usr/bin/python3 tests/Conformance/clients/python/campaign_watch_client.py \
        --server_port 50051 [--server_host 127.0.0.1] [--tenant conformance-grpcio]

The server's heartbeat interval must be short (the conformance server uses 0.5 s).
Output: one line per case, "PASS <case>" or "FAIL <case>: <reason>", then "N passed, M failed".
Exit code 1 if any case failed, 2 on a usage error. Every RPC has a deadline.
"""

import argparse
import atexit
import importlib
import os
import re
import shutil
import sys
import tempfile

try:
    import grpc
except ImportError:  # pragma: no cover - environment problem, not a test failure
    sys.stderr.write("cannot import grpc: run with /usr/bin/python3 (Debian python3-grpcio)\n")
    sys.exit(2)

PROTOS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "protos"))
PROTO_FILES = [
    "google/api/http.proto",
    "google/api/annotations.proto",
    "journeygrpc/api/v1/access_options.proto",
    "journeygrpc/api/v1/http_options.proto",
    "journeygrpc/campaign/v1/campaign_group_state_notification.proto",
    "journeygrpc/campaign/v1/campaign_status.proto",
    "journeygrpc/campaign/v1/campaign_status_service.proto",
]
RPC_DEADLINE_S = 20.0
RESUME_EVENTS = 200


# proto3 `optional` is a field in a synthetic oneof of its own ("_<field>"); Debian's grpc_tools
# bundles protoc 3.5.1, which predates the keyword, so the copy it compiles spells it that way.
# Same wire format, same presence semantics (HasField, ClearField) in the generated Python.
OPTIONAL_FIELD = re.compile(r"^(\s*)optional\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)([^;]*);", re.MULTILINE)


def copy_protos(target):
    """Copies PROTO_FILES under target, with `optional` fields as one-field oneofs."""
    for name in PROTO_FILES:
        with open(os.path.join(PROTOS, name), encoding="utf-8") as source:
            text = OPTIONAL_FIELD.sub(r"\1oneof _\3 { \2 \3 = \4\5; }", source.read())
        path = os.path.join(target, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as copy:
            copy.write(text)


def load_stubs():
    """Generates the campaign modules from protos/ into a temp dir and imports them."""
    try:
        from grpc_tools import protoc
    except ImportError:
        sys.stderr.write("grpc_tools missing: apt-get install -y python3-grpc-tools\n")
        sys.exit(2)
    work = tempfile.mkdtemp(prefix="campaign-py-stubs-")
    atexit.register(shutil.rmtree, work, True)
    source, out = os.path.join(work, "protos"), os.path.join(work, "out")
    os.makedirs(out)
    copy_protos(source)
    well_known = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    args = ["protoc", "-I" + source, "-I" + well_known, "--python_out=" + out, "--grpc_python_out=" + out]
    if protoc.main(args + PROTO_FILES) != 0:
        sys.stderr.write("protoc failed on %s\n" % PROTOS)
        sys.exit(2)
    # `google` is a namespace package: its path follows sys.path, so google.api resolves here too.
    sys.path.insert(0, out)
    return (importlib.import_module("journeygrpc.campaign.v1.campaign_group_state_notification_pb2"),
            importlib.import_module("journeygrpc.campaign.v1.campaign_status_pb2"),
            importlib.import_module("journeygrpc.campaign.v1.campaign_status_service_pb2"),
            importlib.import_module("journeygrpc.campaign.v1.campaign_status_service_pb2_grpc"))


notification_pb2, status_pb2, service_pb2, service_grpc = load_stubs()
from google.protobuf import struct_pb2  # noqa: E402  (after the generated modules)


class CaseFailed(Exception):
    pass


def check(cond, reason):
    if not cond:
        raise CaseFailed(reason)


def notification(tenant, guid, action=None, millis=0, name="Retention Q4@Outbound"):
    n = notification_pb2.CampaignGroupStateNotification(
        gsw_user_event="CampaignGroupState",
        gsw_date_time="%d.%03d" % (1763726400 + millis // 1000, millis % 1000),
        gsw_tenant_name=tenant,
        gsw_tenant_ccid="Unknown",
        gsw_campaign_group_name=name,
        gsw_campaign_group_guid=guid,
        gsw_campaign_group_dbid="1042",
        gsw_group_name="Outbound",
        gsw_campaign_name="Retention Q4",
        gsw_queue_name="7000",
        gsw_campaign_group_state=5,
        gsw_campaign_group_actor=1,
    )
    if action is not None:
        n.gsw_campaign_group_action = action
    return n


def report(stub, n):
    request = service_pb2.ReportCampaignGroupStateRequest(notification=n)
    return stub.ReportCampaignGroupState(request, timeout=RPC_DEADLINE_S).event


def case_report_every_field(stub, tenant):
    n = notification(tenant, "py-every-field", action=9)
    n.gsw_campaign_template_name = ""
    n.gsw_dial_mode = 1
    n.gsw_optimize_by = 1
    n.gsw_optimize_goal = 85
    n.gsw_stat_busy_factor.number_value = 0.85
    n.gsw_stat_hit_ratio.null_value = struct_pb2.NULL_VALUE
    n.gsw_stat_overdial_rate.number_value = 0.02
    n.gsw_stat_time_to_complete.number_value = 600
    lst = n.gsw_calling_lists.add(gsw_calling_list="List A")
    lst.gsw_stat_hit_ratio.number_value = 0.25
    lst.gsw_stat_time_to_complete.null_value = struct_pb2.NULL_VALUE
    lst.additional_keys.update({"GSW_CALLING_LIST_DBID": "77"})
    n.additional_keys.update({"GSW_AUTO_COMPLETION": 1, "GSW_EXTRA": {"nested": [1, "two", None, True]}})
    watch = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-every-field"], after_sequence=0), timeout=RPC_DEADLINE_S)
    try:
        recorded = report(stub, n)
        check(recorded.sequence > 0, "no sequence")
        check(recorded.kind == status_pb2.CAMPAIGN_EVENT_KIND_STARTED, "kind %s" % recorded.kind)
        check(recorded.transition_check == status_pb2.TRANSITION_CHECK_FIRST_SEEN, "check %s" % recorded.transition_check)
        check(recorded.notification == n, "recorded notification differs from the one sent")
        check(recorded.notification.HasField("gsw_campaign_template_name"), "empty template name lost")
        check(recorded.notification.gsw_stat_hit_ratio.WhichOneof("kind") == "null_value", "null statistic lost")
        streamed = next(m for m in watch if m.WhichOneof("payload") == "event").event
        check(streamed == recorded, "streamed event differs from the recorded one")
    finally:
        watch.cancel()


def case_watch_current_state_then_live(stub, tenant):
    report(stub, notification(tenant, "py-state-1", action=7))
    report(stub, notification(tenant, "py-state-2", action=7))
    watch = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-state-1"], include_current_state=True), timeout=RPC_DEADLINE_S)
    try:
        it = iter(watch)
        state = next(it)
        check(state.WhichOneof("payload") == "current_state", "first message is %s" % state.WhichOneof("payload"))
        check(state.current_state.campaign_group_guid == "py-state-1", "state of %s" % state.current_state.campaign_group_guid)
        check(state.current_state.lifecycle == status_pb2.CAMPAIGN_GROUP_LIFECYCLE_LOADED, "lifecycle %s" % state.current_state.lifecycle)
        end = next(it)
        check(end.WhichOneof("payload") == "current_state_end" and end.current_state_end.campaign_group_count == 1, "no end after one state")
        recorded = report(stub, notification(tenant, "py-state-1", action=9, millis=1000))
        live = next(m for m in it if m.WhichOneof("payload") == "event").event
        check(live == recorded, "live event differs from the recorded one")
        check(live.previous_lifecycle == status_pb2.CAMPAIGN_GROUP_LIFECYCLE_LOADED and live.lifecycle == status_pb2.CAMPAIGN_GROUP_LIFECYCLE_RUNNING, "lifecycle not LOADED -> RUNNING")
    finally:
        watch.cancel()


def case_watch_kind_filter(stub, tenant):
    watch = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-kinds"], kinds=[status_pb2.CAMPAIGN_EVENT_KIND_STOPPED]), timeout=RPC_DEADLINE_S)
    try:
        report(stub, notification(tenant, "py-kinds", action=7))
        report(stub, notification(tenant, "py-kinds", action=9, millis=1))
        stopped = report(stub, notification(tenant, "py-kinds", action=10, millis=2))
        first = next(m for m in watch if m.WhichOneof("payload") == "event").event
        check(first == stopped, "first event is %s, not the stop" % first.kind)
    finally:
        watch.cancel()


def case_resume_after_cancel(stub, tenant):
    start = report(stub, notification(tenant, "py-resume", action=7)).sequence
    sequences = [report(stub, notification(tenant, "py-resume", millis=i)).sequence for i in range(1, RESUME_EVENTS)]
    received = []
    resume = start - 1
    first = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-resume"], after_sequence=resume), timeout=RPC_DEADLINE_S)
    for message in first:
        if message.WhichOneof("payload") == "event":
            received.append(message.event.sequence)
        resume = message.resume_after_sequence
        if len(received) == RESUME_EVENTS // 4:
            first.cancel()  # the subscriber is killed mid-stream
            break
    second = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-resume"], after_sequence=resume), timeout=RPC_DEADLINE_S)
    try:
        for message in second:
            if message.WhichOneof("payload") == "event":
                received.append(message.event.sequence)
            if len(received) == RESUME_EVENTS:
                break
    finally:
        second.cancel()
    check(received == [start] + sequences, "received %d events, %d distinct, expected %d in order" % (len(received), len(set(received)), RESUME_EVENTS))


def case_heartbeat_when_idle(stub, tenant):
    watch = stub.WatchCampaignStatus(service_pb2.WatchCampaignStatusRequest(
        tenant=tenant, campaign_group_guids=["py-nobody"]), timeout=RPC_DEADLINE_S)
    try:
        message = next(iter(watch))
        check(message.WhichOneof("payload") == "heartbeat", "got %s" % message.WhichOneof("payload"))
        check(message.heartbeat.head_sequence >= 1 and message.resume_after_sequence == message.heartbeat.head_sequence,
              "head %d resume %d" % (message.heartbeat.head_sequence, message.resume_after_sequence))
    finally:
        watch.cancel()


def case_invalid_argument_details(stub, tenant):
    n = notification(tenant, "py-invalid")
    n.ClearField("gsw_tenant_name")
    try:
        report(stub, n)
    except grpc.RpcError as error:
        check(error.code() == grpc.StatusCode.INVALID_ARGUMENT, "code %s" % error.code())
        check("GSW_TENANT_NAME is required" in error.details(), "details %r" % error.details())
        trailers = dict(error.trailing_metadata() or ())
        details = trailers.get("grpc-status-details-bin")
        check(details is not None and b"type.googleapis.com/google.rpc.BadRequest" in details and b"GSW_TENANT_NAME" in details,
              "no google.rpc.BadRequest naming GSW_TENANT_NAME in grpc-status-details-bin")
        return
    raise CaseFailed("no error")


CASES = [
    ("report_every_field", case_report_every_field),
    ("watch_current_state_then_live", case_watch_current_state_then_live),
    ("watch_kind_filter", case_watch_kind_filter),
    ("resume_after_cancel", case_resume_after_cancel),
    ("heartbeat_when_idle", case_heartbeat_when_idle),
    ("invalid_argument_details", case_invalid_argument_details),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--tenant", default="conformance-grpcio")
    args = parser.parse_args()
    channel = grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port))
    stub = service_grpc.CampaignStatusServiceStub(channel)
    passed = failed = 0
    for name, case in CASES:
        try:
            case(stub, args.tenant)
            print("PASS %s" % name, flush=True)
            passed += 1
        except (CaseFailed, grpc.RpcError, StopIteration) as error:
            reason = str(error) if not isinstance(error, grpc.RpcError) else "%s %s" % (error.code(), error.details())
            print("FAIL %s: %s" % (name, reason.replace("\n", " ")), flush=True)
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    channel.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
