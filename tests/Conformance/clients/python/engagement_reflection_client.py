#!/usr/bin/python3
"""Engagement service flow driven by Debian's grpcio through server reflection alone.

No .proto of the engagement service is read: the FileDescriptorProtos of
journeygrpc.engagement.v1.EngagementService and its dependencies come from the server's
reflection service (grpc.reflection.v1), exchanged by the helpers of
journey_reflection_client.py (same folder), and the message classes are built from them.

    /usr/bin/python3 tests/Conformance/clients/python/engagement_reflection_client.py \
        --server_host 127.0.0.1 --server_port 50051

Output: one "PASS <step>" or "FAIL <step>: <reason>" line per step, then "N passed, M failed".
Exit code 1 if a step failed, 2 on a usage or environment error. Every RPC has a deadline.
"""

import argparse
import sys
import time
import uuid

import journey_reflection_client as base
from journey_reflection_client import Reflection, Steps, expect, expect_error, load_reflection_module, violations

import grpc
from google.protobuf import message_factory

SERVICE = "journeygrpc.engagement.v1.EngagementService"
PACKAGE = "journeygrpc.engagement.v1"
RPC_DEADLINE_S = base.RPC_DEADLINE_S
DEPLOYMENT = "3f1c2a9e-8d4b-4c6a-9e2f-5a7b8c9d0e1f"
ACTION_MAP = str(uuid.uuid4())


class Engagement:
    """Dynamic message classes and callables (unary and server-streaming) for every EngagementService method."""

    def __init__(self, channel, pool):
        self.pool = pool
        self._factory = message_factory.MessageFactory(pool)
        self.service = pool.FindServiceByName(SERVICE)
        self._methods = {}
        for method in self.service.methods:
            request = self._factory.GetPrototype(method.input_type)
            response = self._factory.GetPrototype(method.output_type)
            kind = channel.unary_stream if method.server_streaming else channel.unary_unary
            self._methods[method.name] = (request, kind(
                "/%s/%s" % (SERVICE, method.name),
                request_serializer=request.SerializeToString,
                response_deserializer=response.FromString))

    def state(self, name):
        return self.pool.FindEnumTypeByName(PACKAGE + ".WebActionState").values_by_name["WEB_ACTION_STATE_" + name].number

    def request(self, method, **fields):
        request_class, _ = self._methods[method]
        return build(request_class, fields)

    def call(self, method, **fields):
        _, callable_ = self._methods[method]
        return callable_(self.request(method, **fields), timeout=RPC_DEADLINE_S)


def build(message_class, fields):
    message = message_class()
    for key, value in fields.items():
        if isinstance(value, dict):
            getattr(message, key).CopyFrom(build(type(getattr(message, key)), value))
        else:
            setattr(message, key, value)
    return message


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    args = parser.parse_args()
    channel = grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port))
    steps = Steps()
    state = {}

    def reflect():
        reflection = Reflection(channel, load_reflection_module())
        names = reflection.list_services()
        expect(SERVICE in names, "%s not listed: %s" % (SERVICE, names))
        state["reflection"] = reflection

    def resolve():
        pool, files = base.build_pool(state["reflection"], SERVICE)
        engagement = Engagement(channel, pool)
        methods = sorted(m.name for m in engagement.service.methods)
        expected = ["Engage", "GetActionMapPerformance", "GetWebAction", "NoEngage", "Ping", "RecordActionEvent", "WatchWebActions"]
        expect(methods == expected, "methods: %s" % methods)
        expect("journeygrpc/engagement/v1/engagement_service.proto" in files, "files: %s" % sorted(files))
        state["engagement"] = engagement

    steps.run("reflection_list_services", reflect)
    steps.run("reflection_resolve_engagement_service", resolve)
    engagement = state.get("engagement")
    if engagement is None:
        print("%d passed, %d failed" % (steps.passed, steps.failed + 1))
        return 1
    ok = grpc.StatusCode
    s = engagement.state

    def engage(visit=None, customer=None, media_type=""):
        return engagement.call("Engage", deployment_id=DEPLOYMENT, action_map_id=ACTION_MAP, action_map_version=1, media_type=media_type,
                               ixn_profile={"visit_id": visit or str(uuid.uuid4()), "global_visit_id": customer or str(uuid.uuid4()),
                                            "interaction_id": "0001KaDKMA0MKPB1"}).web_action

    def event(action, action_state, **more):
        return engagement.call("RecordActionEvent", deployment_id=DEPLOYMENT, session_id=action.session_id,
                               action_id=action.id, action_state=action_state, **more).web_action

    def engage_step():
        action = engage()
        expect(action.state == s("QUALIFIED"), action)
        expect(len(action.id) == 36 and action.deployment_id == DEPLOYMENT, action)
        expect(action.expire_time.seconds - action.create_time.seconds == 30, action)
        state["action"] = action

    def strict_mode_refuses_second_attempt():
        error = expect_error(ok.FAILED_PRECONDITION, lambda: engage(visit=state["action"].session_id))
        expect("strictEngagementMode" in error.details(), error.details())

    def offered_accepted_then_terminal():
        offered = event(state["action"], "offered")
        accepted = event(offered, "accepted")
        expect(accepted.state == s("ACCEPTED"), accepted)
        error = expect_error(ok.FAILED_PRECONDITION, lambda: event(accepted, "rejected"))
        expect(error.details().endswith("cannot change from ACCEPTED to REJECTED: ACCEPTED is terminal."), error.details())
        got = engagement.call("GetWebAction", deployment_id=DEPLOYMENT, action_id=accepted.id).web_action
        expect([c.state for c in got.history] == [s("QUALIFIED"), s("OFFERED"), s("ACCEPTED")], got.history)

    def web_messaging_engaged():
        action = engage(media_type="webMessagingOffer")
        engaged = event(event(event(action, "offered"), "accepted"), "engaged")
        expect(engaged.state == s("ENGAGED"), engaged)

    def errored_keeps_error_fields():
        errored = event(engage(), "errored", error_code=502, error_message="widget failed")
        expect(errored.state == s("ERRORED") and errored.error_code == 502 and errored.error_message == "widget failed", errored)

    def noengage_cancels():
        action = engage()
        cancelled = engagement.call("NoEngage", deployment_id=DEPLOYMENT, cancel_data={"visit_id": action.session_id}).web_actions
        expect(len(cancelled) == 1 and cancelled[0].state == s("CANCELLED"), cancelled)
        expect_error(ok.NOT_FOUND, lambda: engagement.call("NoEngage", deployment_id=DEPLOYMENT, cancel_data={"visit_id": action.session_id}))

    def ping_lists_waiting():
        customer = str(uuid.uuid4())
        action = engage(customer=customer)
        ping = engagement.call("Ping", deployment_id=DEPLOYMENT, customer_cookie_id=customer)
        expect([a.id for a in ping.actions] == [action.id] and ping.actions[0].media_type == "contentOffer", ping)
        expect(ping.poll_interval_milliseconds == 10000, ping)

    def invalid_argument_field_violations():
        error = expect_error(ok.INVALID_ARGUMENT, lambda: engagement.call(
            "RecordActionEvent", deployment_id="prod", session_id="s", action_id=str(uuid.uuid4()), action_state="Accepted"))
        fields = [v[0] for v in violations(error, "google.rpc.BadRequest")]
        expect(fields == ["deploymentId", "sessionId", "actionState"], fields)

    def performance_counts():
        now = int(time.time())
        request = dict(deployment_id=DEPLOYMENT, action_map_id=ACTION_MAP, action_map_version=1,
                       start_time={"seconds": now - 3600}, end_time={"seconds": now + 3600})
        got = engagement.call("GetActionMapPerformance", **request)
        expect(got.qualified == 5 and got.offered == 2 and got.accepted == 2 and got.engaged == 1, got)
        expect(got.offered_percent == 40.0 and got.accepted_percent == 100.0 and got.engaged_percent == 50.0, got)

    def watch_resumes():
        customer = str(uuid.uuid4())
        live = engagement.call("WatchWebActions", deployment_id=DEPLOYMENT, customer_id=customer)
        start = next(live)
        expect(start.HasField("start"), start)
        action = engage(customer=customer)
        event(action, "offered")
        first, second = next(live), next(live)
        live.cancel()
        expect([first.event.action.state, second.event.action.state] == [s("QUALIFIED"), s("OFFERED")], (first, second))
        resumed = engagement.call("WatchWebActions", deployment_id=DEPLOYMENT, customer_id=customer, after_sequence=first.resume_after_sequence)
        head, again = next(resumed), next(resumed)
        resumed.cancel()
        expect(head.start.start_sequence == first.resume_after_sequence, head)
        expect(again.event == second.event, (again, second))

    steps.run("engage", engage_step)
    steps.run("strict_mode_refuses_second_attempt", strict_mode_refuses_second_attempt)
    steps.run("offered_accepted_then_terminal", offered_accepted_then_terminal)
    steps.run("web_messaging_engaged", web_messaging_engaged)
    steps.run("errored_keeps_error_fields", errored_keeps_error_fields)
    steps.run("noengage_cancels", noengage_cancels)
    steps.run("ping_lists_waiting", ping_lists_waiting)
    steps.run("invalid_argument_field_violations", invalid_argument_field_violations)
    steps.run("performance_counts", performance_counts)
    steps.run("watch_resumes", watch_resumes)
    print("%d passed, %d failed" % (steps.passed, steps.failed))
    return 1 if steps.failed else 0


if __name__ == "__main__":
    sys.exit(main())
