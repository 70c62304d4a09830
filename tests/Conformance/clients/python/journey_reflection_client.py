#!/usr/bin/python3
"""Journey service flow driven by Debian's grpcio through server reflection alone.

No .proto of the journey service is read: the client asks the server's reflection service
(grpc.reflection.v1) for the FileDescriptorProtos of journeygrpc.journey.v1.JourneyService and
its dependencies, loads them into a fresh google.protobuf DescriptorPool and builds the message
classes with a MessageFactory. Debian has no python3-grpcio-reflection, so the reflection
exchange is written here by hand; its own messages come from Debian grpc-proto's
/usr/share/grpc-proto/grpc/reflection/v1/reflection.proto (compiled at run time by
python3-grpc-tools). google.rpc.Status details are decoded from the protobuf wire format.

    /usr/bin/python3 tests/Conformance/clients/python/journey_reflection_client.py \
        --server_host 127.0.0.1 --server_port 50051

Output: one "PASS <step>" or "FAIL <step>: <reason>" line per step, then "N passed, M failed".
Exit code 1 if a step failed, 2 on a usage or environment error. Every RPC has a deadline.
"""

import argparse
import atexit
import importlib.util
import os
import random
import shutil
import string
import sys
import tempfile

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError:  # pragma: no cover - environment problem
    sys.stderr.write("cannot import grpc/protobuf: run with /usr/bin/python3 (scripts/setup.sh)\n")
    sys.exit(2)

SERVICE = "journeygrpc.journey.v1.JourneyService"
PACKAGE = "journeygrpc.journey.v1"
REFLECTION_PROTO_ROOT = "/usr/share/grpc-proto"
REFLECTION_PROTO = "grpc/reflection/v1/reflection.proto"
RPC_DEADLINE_S = 20.0

ENGAGEMENT_ID = "dbf2aca9-b905-4ef1-a181-fa85133ae441"
SECOND_ENGAGEMENT_ID = "8b23981b-69b4-446f-ace7-b4ad22715979"
AGENT_ID = "e5e8b989-c0d3-493e-9c6c-a1e482c42946"
EXTERNAL_ID = "443f413f-75f4-4ee4-a261-275e2c4a4c6f"
EMAIL = "melinda14@example.org"
ACCOUNT_ID_VALUE = "d1482af8-d865-4df0-932d-f9559f25086d"


def load_reflection_module():
    """Compiles Debian's reflection.proto into a temp dir and imports it under a private name."""
    try:
        from grpc_tools import protoc
    except ImportError:
        sys.stderr.write("grpc_tools missing: apt-get install -y python3-grpc-tools\n")
        sys.exit(2)
    if not os.path.exists(os.path.join(REFLECTION_PROTO_ROOT, REFLECTION_PROTO)):
        sys.stderr.write("%s missing: apt-get install -y grpc-proto\n" % REFLECTION_PROTO)
        sys.exit(2)
    out = tempfile.mkdtemp(prefix="journey-reflection-")
    atexit.register(shutil.rmtree, out, True)
    if protoc.main(["protoc", "-I" + REFLECTION_PROTO_ROOT, "--python_out=" + out, REFLECTION_PROTO]) != 0:
        sys.stderr.write("protoc failed on %s\n" % REFLECTION_PROTO)
        sys.exit(2)
    path = os.path.join(out, "grpc", "reflection", "v1", "reflection_pb2.py")
    spec = importlib.util.spec_from_file_location("journey_reflection_v1_pb2", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Reflection:
    """The hand-written grpc.reflection.v1 exchange: one request per stream, one response read."""

    def __init__(self, channel, pb2):
        self._pb2 = pb2
        self._call = channel.stream_stream(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            request_serializer=pb2.ServerReflectionRequest.SerializeToString,
            response_deserializer=pb2.ServerReflectionResponse.FromString)

    def ask(self, **kwargs):
        request = self._pb2.ServerReflectionRequest(**kwargs)
        responses = self._call(iter([request]), timeout=RPC_DEADLINE_S)
        response = next(responses)
        responses.cancel()
        if response.HasField("error_response"):
            raise RuntimeError("reflection error %d: %s" % (response.error_response.error_code,
                                                            response.error_response.error_message))
        return response

    def list_services(self):
        return [s.name for s in self.ask(list_services="").list_services_response.service]

    def files_for_symbol(self, symbol):
        return self.ask(file_containing_symbol=symbol).file_descriptor_response.file_descriptor_proto

    def files_by_name(self, name):
        return self.ask(file_by_filename=name).file_descriptor_response.file_descriptor_proto


def build_pool(reflection, service=SERVICE):
    """Every file `service` needs, fetched by reflection and added to a new pool in dependency order."""
    files = {}
    pending = list(reflection.files_for_symbol(service))
    while pending:
        proto = descriptor_pb2.FileDescriptorProto.FromString(pending.pop())
        if proto.name in files:
            continue
        files[proto.name] = proto
        for dependency in proto.dependency:
            if dependency not in files:
                pending.extend(reflection.files_by_name(dependency))
    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):
        if name in added:
            return
        for dependency in files[name].dependency:
            add(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in sorted(files):
        add(name)
    return pool, files


class Journey:
    """Dynamic message classes and unary callables for every JourneyService method."""

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

    def enum(self, name, value):
        return self.pool.FindEnumTypeByName(name).values_by_name[value].number

    def call(self, method, **fields):
        request_class, callable_ = self._methods[method]
        return callable_(self.build(request_class, fields), timeout=RPC_DEADLINE_S)

    def build(self, request_class, fields):
        request = request_class()
        for key, value in fields.items():
            field = request.DESCRIPTOR.fields_by_name[key]
            if isinstance(value, dict) and field.message_type is not None and field.message_type.GetOptions().map_entry:
                target = getattr(request, key)
                for map_key, map_value in value.items():
                    if isinstance(map_value, list):
                        for item in map_value:
                            target[map_key].values.add().string_value = item
                    else:
                        target[map_key] = map_value
            elif isinstance(value, dict):
                getattr(request, key).CopyFrom(self.build(type(getattr(request, key)), value))
            elif isinstance(value, list):
                getattr(request, key).extend(value)
            elif field.message_type is not None and field.message_type.full_name == "google.protobuf.Timestamp":
                set_timestamp(getattr(request, key), value)
            else:
                setattr(request, key, value)
        return request


def set_timestamp(target, text):
    """RFC 3339 UTC ('2019-07-23T17:45:21.002Z') into seconds/nanos, without well-known-type helpers."""
    import datetime
    body = text.rstrip("Z")
    if "." in body:
        main, fraction = body.split(".", 1)
    else:
        main, fraction = body, ""
    moment = datetime.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    target.seconds = int(moment.timestamp())
    target.nanos = int((fraction + "000000000")[:9]) if fraction else 0


def wire_fields(data):
    """Decodes protobuf wire format into (field number, value) pairs (varints and length-delimited only)."""
    i = 0
    out = []
    while i < len(data):
        key, i = varint(data, i)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, i = varint(data, i)
        elif wire_type == 2:
            length, i = varint(data, i)
            value, i = data[i:i + length], i + length
        else:
            raise ValueError("unexpected wire type %d" % wire_type)
        out.append((number, value))
    return out


def varint(data, i):
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, i
        shift += 7


def status_details(error):
    """(type url, [decoded fields of each repeated entry]) of each google.rpc.Status detail in the trailer."""
    raw = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    if raw is None:
        return []
    details = []
    for number, value in wire_fields(raw):
        if number == 3:  # repeated google.protobuf.Any details
            any_fields = dict(wire_fields(value))
            type_url = any_fields.get(1, b"").decode()
            entries = [[v.decode() if isinstance(v, bytes) else v for _, v in wire_fields(entry)]
                       for n, entry in wire_fields(any_fields.get(2, b"")) if n == 1]
            details.append((type_url, entries))
    return details


def violations(error, detail_type):
    return [entry for type_url, entries in status_details(error) if type_url.endswith(detail_type) for entry in entries]


class Steps:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, check):
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every failure is reported as a line
            self.failed += 1
            reason = " ".join(("%s: %s" % (type(error).__name__, error)).split())[:400]
            print("FAIL %s: %s" % (name, reason), flush=True)
            return
        self.passed += 1
        print("PASS %s" % name, flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_error(code, call):
    try:
        call()
    except grpc.RpcError as error:
        expect(error.code() == code, "expected %s, got %s (%s)" % (code, error.code(), error.details()))
        return error
    raise AssertionError("expected %s, the call succeeded" % code)


def flat(identifiers):
    return sorted("%s=%s" % (name, v.string_value) for name, values in identifiers.items() for v in values.values)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    args = parser.parse_args()
    channel = grpc.insecure_channel("%s:%d" % (args.server_host, args.server_port))
    steps = Steps()
    state = {}
    account = "".join(random.choice(string.ascii_uppercase) for _ in range(6))

    def reflect():
        reflection = Reflection(channel, load_reflection_module())
        names = reflection.list_services()
        expect(SERVICE in names, "%s not listed: %s" % (SERVICE, names))
        state["reflection"] = reflection

    def resolve():
        pool, files = build_pool(state["reflection"])
        journey = Journey(channel, pool)
        methods = sorted(m.name for m in journey.service.methods)
        expect(len(methods) == 20, "expected 20 methods, got %d: %s" % (len(methods), methods))
        expect("journeygrpc/journey/v1/journey_service.proto" in files, "files: %s" % sorted(files))
        state["journey"] = journey

    steps.run("reflection_list_services", reflect)
    steps.run("reflection_resolve_journey_service", resolve)
    journey = state.get("journey")
    if journey is None:
        print("%d passed, %d failed" % (steps.passed, steps.failed + 1))
        return 1
    ok = grpc.StatusCode
    strength = lambda value: journey.enum(PACKAGE + ".IdentifierStrength", value)  # noqa: E731

    def create_identifier_type():
        created = journey.call("CreateIdentifierType", account_id=account, name="universalIds",
                               display_name="Universal ids", identifier_strength=strength("STRONG")).identifier_type
        expect(len(created.identifier_id) == 36, created)
        expect(created.url == "/api/journey/v1/accounts/%s/identifiers/%s" % (account, created.identifier_id), created.url)
        state["type_id"] = created.identifier_id

    def duplicate_identifier_type():
        error = expect_error(ok.INVALID_ARGUMENT, lambda: journey.call(
            "CreateIdentifierType", account_id=account, name="universalIds", display_name="Universal ids",
            identifier_strength=strength("STRONG")))
        expected = ["name", "identifier 'universalIds' already exists for account '%s'" % account]
        expect(expected in violations(error, "google.rpc.BadRequest"), status_details(error))

    def list_and_get_identifier_types():
        listed = journey.call("ListIdentifierTypes", account_id=account).identifier_types
        expect([t.name for t in listed] == ["universalIds"], listed)
        got = journey.call("GetIdentifierType", account_id=account, identifier_id=state["type_id"]).identifier_type
        expect(got.display_name == "Universal ids", got)

    def update_identifier_type():
        updated = journey.call("UpdateIdentifierType", account_id=account, identifier_id=state["type_id"],
                               name="universalIds", display_name="Universal IDs",
                               identifier_strength=strength("VERY_STRONG")).identifier_type
        expect(updated.display_name == "Universal IDs" and updated.identifier_strength == strength("VERY_STRONG"), updated)

    def create_engagement():
        for _ in range(2):  # a repeated create is idempotent
            journey.call("CreateEngagement", account_id=account, id=ENGAGEMENT_ID, start_date="2019-07-23T17:45:21.002Z",
                         identifiers={"phoneNumbers": ["019 718 0171", "188-115-7717"], "emailAddresses": [EMAIL]},
                         conversations=["Mortgage Application", "First-time Buyer"],
                         data={"referenceNumber": "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", "currentStatus": "Under review"})
        journey.call("CreateEngagement", account_id=account, id=SECOND_ENGAGEMENT_ID, start_date="2020-07-23T17:45:21.002Z",
                     identifiers={"universalIds": ["7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"]},
                     direction=journey.enum(PACKAGE + ".Direction", "OUTBOUND"))

    def get_engagement():
        engagement = journey.call("GetEngagement", account_id=account, engagement_id=ENGAGEMENT_ID).engagement
        expect(engagement.id == ENGAGEMENT_ID and engagement.account_id == account, engagement)
        expect(engagement.status == journey.enum(PACKAGE + ".EngagementStatus", "CREATED"), engagement.status)
        expect(flat(engagement.identifiers) == ["emailAddresses=" + EMAIL, "phoneNumbers=019 718 0171", "phoneNumbers=188-115-7717"],
               flat(engagement.identifiers))

    def get_engagements():
        response = journey.call("GetEngagements", account_id=account,
                                engagement_ids=["%s,%s" % (SECOND_ENGAGEMENT_ID, ENGAGEMENT_ID)])
        expect([e.id for e in response.engagements] == [SECOND_ENGAGEMENT_ID, ENGAGEMENT_ID], response.engagements)
        expect(response.pagination.total == 2, response.pagination)

    def get_engagement_not_found():
        expect_error(ok.NOT_FOUND, lambda: journey.call("GetEngagement", account_id=account,
                                                        engagement_id="00000000-0000-4000-8000-000000000000"))

    def invalid_argument_details():
        error = expect_error(ok.INVALID_ARGUMENT, lambda: journey.call("GetEngagement", account_id="ABC", engagement_id="x"))
        found = violations(error, "google.rpc.BadRequest")
        expect(["accountId", 'must match "^[a-zA-Z]{6}$"'] in found, found)
        expect(["engagementId", "must be a 36 character UUID"] in found, found)

    def update_and_append():
        journey.call("UpdateEngagement", account_id=account, engagement_id=ENGAGEMENT_ID, timestamp="2019-07-23T17:48:21.002Z",
                     identifiers={"accountIds": [ACCOUNT_ID_VALUE]}, data={"currentStatus": "Approved"})
        journey.call("AppendIdentifiers", account_id=account, engagement_id=ENGAGEMENT_ID,
                     identifiers={"emailAddresses": ["cmartin@example.org"]})
        engagement = journey.call("GetEngagement", account_id=account, engagement_id=ENGAGEMENT_ID).engagement
        expect("accountIds=" + ACCOUNT_ID_VALUE in flat(engagement.identifiers), flat(engagement.identifiers))
        expect("emailAddresses=cmartin@example.org" in flat(engagement.identifiers), flat(engagement.identifiers))
        expect(engagement.data["currentStatus"] == "Approved", engagement.data)

    def participants():
        agent = journey.enum(PACKAGE + ".ParticipantType", "AGENT")
        external = journey.enum(PACKAGE + ".ParticipantType", "EXTERNAL")
        journey.call("AddParticipant", account_id=account, engagement_id=ENGAGEMENT_ID, participant_id=EXTERNAL_ID,
                     type=external, channel_id="Voice", channel_type="VOICE", calling_number="087 12345",
                     dialled_number="1590 12345", timestamp="2019-07-23T17:45:21.001Z",
                     dialog_id="67ec5131-259c-4924-bb08-d87cf315e5e3")
        journey.call("AddParticipant", account_id=account, engagement_id=ENGAGEMENT_ID, participant_id=AGENT_ID,
                     type=agent, channel_id="Voice", channel_type="VOICE", extension="ext/1234",
                     timestamp="2019-07-23T17:46:42.002Z", dialog_id="57f78d8e-5579-47de-b3d0-8aee161039c0",
                     channel_provider_id="aba84546-1ac2-478e-b225-cadc7e8a2862")
        held = journey.enum(PACKAGE + ".Participant.State", "HELD")
        journey.call("AddParticipant", account_id=account, engagement_id=ENGAGEMENT_ID, participant_id=EXTERNAL_ID,
                     type=external, channel_id="Voice", channel_type="VOICE", calling_number="087 12345",
                     dialled_number="1590 12345", timestamp="2019-07-23T17:47:00Z",
                     dialog_id="67ec5131-259c-4924-bb08-d87cf315e5e3", state=held)
        engagement = journey.call("GetEngagement", account_id=account, engagement_id=ENGAGEMENT_ID).engagement
        states = {p.id: p.state for p in engagement.participants}
        expect(states[EXTERNAL_ID] == held, states)
        expect(engagement.status == journey.enum(PACKAGE + ".EngagementStatus", "ACTIVE"), engagement.status)
        for participant, left in ((AGENT_ID, "2019-07-23T18:00:32.002Z"), (EXTERNAL_ID, "2019-07-23T18:01:00Z")):
            journey.call("RemoveParticipant", account_id=account, engagement_id=ENGAGEMENT_ID,
                         participant_id=participant, timestamp=left)
        engagement = journey.call("GetEngagement", account_id=account, engagement_id=ENGAGEMENT_ID).engagement
        expect(engagement.status == journey.enum(PACKAGE + ".EngagementStatus", "COMPLETED"), engagement.status)
        expect(all(p.state == journey.enum(PACKAGE + ".Participant.State", "DROPPED") for p in engagement.participants),
               engagement.participants)

    def remove_unknown_participant():
        expect_error(ok.NOT_FOUND, lambda: journey.call("RemoveParticipant", account_id=account,
                                                        engagement_id=ENGAGEMENT_ID, participant_id="nobody"))

    def create_journey_and_search():
        journey.call("CreateJourney", account_id=account,
                     identifiers={"universalIds": ["7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"], "emailAddresses": [EMAIL]})
        found = journey.call("SearchJourneys", account_id=account, query={"identifiers": {"emailAddresses": [EMAIL]}})
        expect([e.id for e in found.engagements] == [SECOND_ENGAGEMENT_ID, ENGAGEMENT_ID], [e.id for e in found.engagements])
        expect(found.pagination.total == 2 and found.pagination.page_size == 50, found.pagination)
        expect("universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf" in flat(found.identifiers), flat(found.identifiers))

    def search_filters_and_paging():
        page = journey.call("SearchJourneys", account_id=account, page_size=1, page_number=2,
                            query={"identifiers": {"emailAddresses": [EMAIL]}})
        expect([e.id for e in page.engagements] == [ENGAGEMENT_ID] and page.pagination.total == 2, page)
        by_agent = journey.call("SearchJourneys", account_id=account,
                                query={"identifiers": {"emailAddresses": [EMAIL]}, "agent_id": AGENT_ID,
                                       "channel_ids": ["VOICE"], "conversation": "Mortgage Application",
                                       "start_date": "2019-07-23T17:45:21.001Z", "end_date": "2020-07-23T17:45:21.001Z"})
        expect([e.id for e in by_agent.engagements] == [ENGAGEMENT_ID], by_agent)

    def search_unknown_not_found():
        expect_error(ok.NOT_FOUND, lambda: journey.call("SearchJourneys", account_id=account,
                                                        query={"identifiers": {"emailAddresses": ["nobody@example.org"]}}))

    def list_agents():
        agents = journey.call("ListAgents", account_id=account, page_size=10, order_by="desc",
                              query={"identifiers": {"emailAddresses": [EMAIL]}, "channel_id": "VOICE",
                                     "start_date": "2019-07-23T17:45:21.001Z"}).agents
        expect([a.agent_id for a in agents] == [AGENT_ID], agents)
        expect(agents[0].channel_provider_id == "aba84546-1ac2-478e-b225-cadc7e8a2862", agents[0])

    def unlink():
        remaining = journey.call("UnlinkIdentifier", account_id=account,
                                 identifiers={"universalIds": ["7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"], "emailAddresses": [EMAIL]},
                                 unlink_identifier={"universalIds": "7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"}).identifiers
        expect("universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf" not in flat(remaining), flat(remaining))
        expect("emailAddresses=" + EMAIL in flat(remaining), flat(remaining))
        alone = journey.call("SearchJourneys", account_id=account,
                             query={"identifiers": {"universalIds": ["7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"]}})
        expect([e.id for e in alone.engagements] == [SECOND_ENGAGEMENT_ID], alone)

    def agent_notes():
        created = journey.call("CreateAgentNote", account_id=account, engagement_id=ENGAGEMENT_ID,
                               note="The agent Note text.").agent_note
        expect(len(created.id) == 20, created)
        error = expect_error(ok.FAILED_PRECONDITION, lambda: journey.call(
            "CreateAgentNote", account_id=account, engagement_id=ENGAGEMENT_ID, note="second"))
        found = violations(error, "google.rpc.PreconditionFailure")
        expect(["AGENT_NOTE_EXISTS", "Engagement",
                "You cannot create second note for accountId = %s and engagementId = %s" % (account, ENGAGEMENT_ID)] in found, found)
        updated = journey.call("UpdateAgentNote", account_id=account, engagement_id=ENGAGEMENT_ID,
                               note_id=created.id, note="The Agent Note Text").agent_note
        expect(updated.note == "The Agent Note Text" and updated.HasField("updated_at"), updated)
        listed = journey.call("ListAgentNotes", account_id=account, engagement_id=ENGAGEMENT_ID).agent_notes
        expect([n.id for n in listed] == [created.id], listed)
        journey.call("DeleteAgentNote", account_id=account, engagement_id=ENGAGEMENT_ID, note_id=created.id)
        expect(len(journey.call("ListAgentNotes", account_id=account, engagement_id=ENGAGEMENT_ID).agent_notes) == 0, "note left")

    def delete_identifier_types():
        journey.call("DeleteIdentifierTypes", account_id=account, identifier_ids=[state["type_id"]])
        expect(len(journey.call("ListIdentifierTypes", account_id=account).identifier_types) == 0, "type left")
        expect_error(ok.NOT_FOUND, lambda: journey.call("GetIdentifierType", account_id=account, identifier_id=state["type_id"]))
        kept = journey.call("GetEngagement", account_id=account, engagement_id=SECOND_ENGAGEMENT_ID).engagement
        expect(flat(kept.identifiers) == ["universalIds=7fdf89aa-70e6-4de9-8d7a-e1bbc4edcbaf"], flat(kept.identifiers))

    def other_account_sees_nothing():
        other = "".join(random.choice(string.ascii_lowercase) for _ in range(6))
        expect_error(ok.NOT_FOUND, lambda: journey.call("GetEngagement", account_id=other, engagement_id=ENGAGEMENT_ID))

    for name, check in [
        ("create_identifier_type", create_identifier_type),
        ("create_identifier_type_duplicate_invalid_argument", duplicate_identifier_type),
        ("list_and_get_identifier_types", list_and_get_identifier_types),
        ("update_identifier_type", update_identifier_type),
        ("create_engagement_idempotent", create_engagement),
        ("get_engagement", get_engagement),
        ("get_engagements", get_engagements),
        ("get_engagement_not_found", get_engagement_not_found),
        ("invalid_argument_field_violations", invalid_argument_details),
        ("update_engagement_and_append_identifiers", update_and_append),
        ("participants_add_hold_remove", participants),
        ("remove_unknown_participant_not_found", remove_unknown_participant),
        ("create_journey_and_search", create_journey_and_search),
        ("search_filters_and_paging", search_filters_and_paging),
        ("search_unknown_not_found", search_unknown_not_found),
        ("list_agents", list_agents),
        ("unlink_identifier", unlink),
        ("agent_notes_crud_and_failed_precondition", agent_notes),
        ("delete_identifier_types_keeps_journeys", delete_identifier_types),
        ("other_account_sees_nothing", other_account_sees_nothing),
    ]:
        steps.run(name, check)
    channel.close()
    print("%d passed, %d failed" % (steps.passed, steps.failed))
    return 1 if steps.failed else 0


if __name__ == "__main__":
    sys.exit(main())
