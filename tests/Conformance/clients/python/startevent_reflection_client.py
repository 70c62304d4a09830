#!/usr/bin/python3
"""Start-event service flow driven by Debian's grpcio through server reflection alone.

No .proto of the start-event service is read: the client asks the server's reflection service
(grpc.reflection.v1) for the FileDescriptorProtos of journeygrpc.startevent.v1.StartEventService
and its dependencies, loads them into a fresh google.protobuf DescriptorPool and builds the
message classes with a MessageFactory (the reflection exchange is the one of
journey_reflection_client.py). It runs the Context Services flow start -> associate -> states ->
tasks -> end, and the documented errors.

    /usr/bin/python3 tests/Conformance/clients/python/startevent_reflection_client.py \
        --server_host 127.0.0.1 --server_port 50051 --tenant conformance

Output: one "PASS <step>" or "FAIL <step>: <reason>" line per step, then "N passed, M failed".
Exit code 1 if a step failed, 2 on a usage or environment error. Every RPC has a deadline.
"""

import argparse
import random
import string
import sys

import journey_reflection_client as base
from journey_reflection_client import Reflection, Steps, expect, expect_error, load_reflection_module, violations

import grpc
from google.protobuf import message_factory

SERVICE = "journeygrpc.startevent.v1.StartEventService"
RPC_DEADLINE_S = base.RPC_DEADLINE_S


class Service:
    """Dynamic message classes and unary callables for every StartEventService method."""

    def __init__(self, channel, pool):
        self.pool = pool
        self._factory = message_factory.MessageFactory(pool)
        self.service = pool.FindServiceByName(SERVICE)
        self._methods = {}
        for method in self.service.methods:
            request = self._factory.GetPrototype(method.input_type)
            response = self._factory.GetPrototype(method.output_type)
            self._methods[method.name] = (request, channel.unary_unary(
                "/%s/%s" % (SERVICE, method.name),
                request_serializer=request.SerializeToString,
                response_deserializer=response.FromString))

    def message(self, name, **fields):
        return self._factory.GetPrototype(self.pool.FindMessageTypeByName(name))(**fields)

    def call(self, method, **fields):
        request_class, callable_ = self._methods[method]
        return callable_(self.build(request_class, fields), timeout=RPC_DEADLINE_S)

    def build(self, request_class, fields):
        request = request_class()
        for key, value in fields.items():
            if isinstance(value, dict):
                getattr(request, key).CopyFrom(self.build(type(getattr(request, key)), value))
            elif isinstance(value, list):
                getattr(request, key).extend(value)
            else:
                setattr(request, key, value)
        return request


def value(v):
    """A google.protobuf.Value field as a dict build() understands: a number or a string."""
    return {"number_value": v} if isinstance(v, (int, float)) else {"string_value": v}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--tenant", default="grpcio-" + "".join(random.choice(string.ascii_lowercase) for _ in range(6)))
    args = parser.parse_args()
    channel = grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port))
    steps = Steps()
    state = {}
    tenant = args.tenant

    def reflect():
        reflection = Reflection(channel, load_reflection_module())
        names = reflection.list_services()
        expect(SERVICE in names, "%s not listed: %s" % (SERVICE, names))
        state["reflection"] = reflection

    def resolve():
        pool, files = base.build_pool(state["reflection"], SERVICE)
        service = Service(channel, pool)
        methods = sorted(m.name for m in service.service.methods)
        expect(len(methods) == 19, "expected 19 methods, got %d: %s" % (len(methods), methods))
        expect("journeygrpc/startevent/v1/start_event_service.proto" in files, "files: %s" % sorted(files))
        state["service"] = service

    steps.run("reflection_list_services", reflect)
    steps.run("reflection_resolve_start_event_service", resolve)
    cs = state.get("service")
    if cs is None:
        print("%d passed, %d failed" % (steps.passed, steps.failed + 1))
        return 1
    ok = grpc.StatusCode

    def start_anonymous_service():
        request_class = cs._methods["StartService"][0]
        request = cs.build(request_class, {"tenant": tenant, "event": {"contact_key": "PIN-4321", "service_type": value("Billing"), "est_duration": 300}})
        survey = request.event.extensions.fields["Survey"].struct_value
        survey.fields["Rating"].number_value = 5
        proposals = request.event.extensions.fields["Proposal"].list_value
        proposals.values.add().struct_value.fields["Offer"].string_value = "A"
        proposals.values.add().struct_value.fields["Offer"].string_value = "B"
        response = cs._methods["StartService"][1](request, timeout=RPC_DEADLINE_S)
        expect(response.service_id > 0, "service_id %d" % response.service_id)
        state["service_id"] = response.service_id

    def query_anonymous():
        found = cs.call("QueryAnonymousServices", tenant=tenant, contact_key="PIN-4321", status="active")
        expect([s.service_id for s in found.services] == [state["service_id"]], str(found))
        service = found.services[0]
        expect(service.service_type.string_value == "Billing", str(service.service_type))
        expect(service.extensions.fields["Survey"].struct_value.fields["Rating"].number_value == 5, str(service.extensions))
        expect(len(service.extensions.fields["Proposal"].list_value.values) == 2, str(service.extensions))
        stamp = service.started.timestamp
        expect(len(stamp) == 24 and stamp.endswith("Z") and stamp[19] == ".", "timestamp " + stamp)

    def associate():
        cs.call("AssociateService", tenant=tenant, customer_id="cust-grpcio", service_id=state["service_id"], event={"interaction_id": "ixn-9"})
        found = cs.call("QueryCustomerServices", tenant=tenant, customer_id="cust-grpcio")
        expect([s.service_id for s in found.services] == [state["service_id"]], str(found))
        expect(found.services[0].started.interaction_id == "ixn-9", str(found.services[0].started))
        expect(len(cs.call("QueryAnonymousServices", tenant=tenant, contact_key="PIN-4321").services) == 0, "still anonymous")

    def states():
        sid = state["service_id"]
        first = cs.call("StartState", tenant=tenant, service_id=sid, event={"state_type": value(1)}).state_id
        moved = cs.call("TransitionState", tenant=tenant, service_id=sid, event={"from": {"state_id": first}, "to": {"state_type": value(8)}})
        expect(moved.previous_state_id == first and moved.state_id > first, str(moved))
        listed = cs.call("ListStates", tenant=tenant, service_id=sid)
        expect([s.state_id for s in listed.states] == [first, moved.state_id], str(listed))
        got = cs.call("GetState", tenant=tenant, service_id=sid, state_id=moved.state_id).state
        expect(got.state_type.number_value == 8 and got.previous_state_id == first, str(got))
        state["state_id"] = moved.state_id

    def tasks():
        sid = state["service_id"]
        task = cs.call("StartTask", tenant=tenant, service_id=sid, event={"state_id": state["state_id"], "task_type": value("Survey")}).task_id
        other = cs.call("StartTask", tenant=tenant, service_id=sid, event={"task_type": value(12)}).task_id
        by_state = cs.call("QueryTasks", tenant=tenant, service_id=sid, state_id=state["state_id"])
        expect([t.task_id for t in by_state.tasks] == [task], str(by_state))
        by_type = cs.call("QueryTasks", tenant=tenant, service_id=sid, task_types=["12"])
        expect([t.task_id for t in by_type.tasks] == [other], str(by_type))
        cs.call("EndTask", tenant=tenant, service_id=sid, task_id=task, event={"disposition": value("done")})
        got = cs.call("GetTask", tenant=tenant, service_id=sid, task_id=task).task
        expect(got.completed.disposition.string_value == "done", str(got))
        active = cs.call("QueryTasks", tenant=tenant, service_id=sid, status="active")
        expect([t.task_id for t in active.tasks] == [other], str(active))

    def end():
        sid = state["service_id"]
        cs.call("EndState", tenant=tenant, service_id=sid, state_id=state["state_id"])
        cs.call("EndService", tenant=tenant, service_id=sid, event={"disposition": value(3)})
        cs.call("EndService", tenant=tenant, service_id=sid, event={"disposition": value(3)})
        got = cs.call("GetService", tenant=tenant, service_id=sid, completed_states=True, active_tasks=True).service
        expect(got.completed.disposition.number_value == 3, str(got.completed))
        expect(len(got.completed_states) == 2 and len(got.active_tasks) == 1, str(got))

    def different_end_failed_precondition():
        expect_error(ok.FAILED_PRECONDITION, lambda: cs.call("EndService", tenant=tenant, service_id=state["service_id"], event={"disposition": value(4)}))

    def start_on_ended_failed_precondition():
        expect_error(ok.FAILED_PRECONDITION, lambda: cs.call("StartTask", tenant=tenant, service_id=state["service_id"]))

    def invalid_argument_field_violations():
        error = expect_error(ok.INVALID_ARGUMENT, lambda: cs.call("StartService", tenant=tenant, event={"service_type": value(1)}))
        fields = [entry[0] for entry in violations(error, "google.rpc.BadRequest")]
        expect(fields == ["customer_id"], "violations %s" % fields)

    def unknown_service_not_found():
        expect_error(ok.NOT_FOUND, lambda: cs.call("GetService", tenant=tenant, service_id=987654321))

    def other_tenant_sees_nothing():
        expect_error(ok.NOT_FOUND, lambda: cs.call("GetService", tenant=tenant + "-other", service_id=state["service_id"]))
        found = cs.call("QueryCustomerServices", tenant=tenant + "-other", customer_id="cust-grpcio")
        expect(len(found.services) == 0, str(found))

    def delete():
        cs.call("DeleteService", tenant=tenant, service_id=state["service_id"])
        expect_error(ok.NOT_FOUND, lambda: cs.call("GetService", tenant=tenant, service_id=state["service_id"]))

    for name, check in [
        ("start_anonymous_service", start_anonymous_service),
        ("query_anonymous_services", query_anonymous),
        ("associate_service", associate),
        ("start_transition_list_states", states),
        ("start_query_end_tasks", tasks),
        ("end_state_and_service_idempotent", end),
        ("end_service_different_failed_precondition", different_end_failed_precondition),
        ("start_task_on_ended_service_failed_precondition", start_on_ended_failed_precondition),
        ("invalid_argument_field_violations", invalid_argument_field_violations),
        ("unknown_service_not_found", unknown_service_not_found),
        ("other_tenant_sees_nothing", other_tenant_sees_nothing),
        ("delete_service", delete),
    ]:
        steps.run(name, check)
    channel.close()
    print("%d passed, %d failed" % (steps.passed, steps.failed))
    return 1 if steps.failed else 0


if __name__ == "__main__":
    sys.exit(main())
