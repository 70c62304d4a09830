#!/usr/bin/python3
"""gRPC interop client (Debian python3-grpcio) that drives a TestService server.

Written against the official interop spec (grpc/grpc doc/interop-test-descriptions.md),
not against our server. Run it with /usr/bin/python3: Debian's grpcio 1.51 and protobuf
are installed for the system interpreter only.

    /usr/bin/python3 tests/Conformance/clients/python/interop_client.py \
        --server_host 127.0.0.1 --server_port 50051 --test_case all

Output: one line per case, "PASS <case>" or "FAIL <case>: <reason>", then
"N passed, M failed". Exit code 1 if any case failed, 2 on a usage error.

Stubs are generated at run time (grpc_tools.protoc from python3-grpc-tools) from
tests/Conformance/protos into a temporary directory.
"""

import argparse
import atexit
import importlib
import os
import queue
import shutil
import sys
import tempfile
import threading
import types

try:
    import grpc
except ImportError:  # pragma: no cover - environment problem, not a test failure
    sys.stderr.write("cannot import grpc: run with /usr/bin/python3 (Debian python3-grpcio); "
                     "see scripts/setup.sh\n")
    sys.exit(2)

PROTO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           "..", "..", "protos"))
PROTO_FILES = ["grpc/testing/empty.proto", "grpc/testing/messages.proto",
               "grpc/testing/test.proto"]

# Each RPC gets this deadline, and each case as a whole is abandoned after CASE_BUDGET_S.
RPC_DEADLINE_S = 20.0
CASE_BUDGET_S = 60.0

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"

SPECIAL_STATUS_MESSAGE = ("\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP "
                          "\U0001f608\t\n")


def load_stubs():
    """Generates the grpc.testing modules into a temp dir and imports them."""
    try:
        from grpc_tools import protoc
    except ImportError:
        sys.stderr.write("grpc_tools missing: apt-get install -y python3-grpc-tools "
                         "(scripts/setup.sh does it)\n")
        sys.exit(2)
    out = tempfile.mkdtemp(prefix="interop-py-stubs-")
    atexit.register(shutil.rmtree, out, True)
    args = ["protoc", "-I" + PROTO_ROOT, "--python_out=" + out, "--grpc_python_out=" + out]
    if protoc.main(args + PROTO_FILES) != 0:
        sys.stderr.write("protoc failed on %s\n" % PROTO_ROOT)
        sys.exit(2)
    # The generated modules live in the proto package "grpc.testing", which would resolve
    # inside the installed grpc package; register the generated directory as that package.
    pkg = types.ModuleType("grpc.testing")
    pkg.__path__ = [os.path.join(out, "grpc", "testing")]
    sys.modules["grpc.testing"] = pkg
    grpc.testing = pkg
    return (importlib.import_module("grpc.testing.empty_pb2"),
            importlib.import_module("grpc.testing.messages_pb2"),
            importlib.import_module("grpc.testing.test_pb2_grpc"))


empty_pb2, messages_pb2, test_pb2_grpc = load_stubs()
Empty = empty_pb2.Empty
m = messages_pb2


class CaseFailed(Exception):
    pass


def check(cond, reason):
    if not cond:
        raise CaseFailed(reason)


def zeros(n):
    return b"\0" * n


def payload(n):
    return m.Payload(type=m.COMPRESSABLE, body=zeros(n))


def check_payload(p, size, what="response payload"):
    check(len(p.body) == size, "%s is %d bytes, want %d" % (what, len(p.body), size))
    check(p.body == zeros(size), "%s is not all zeros" % what)


def expect_rpc_error(fn, code, what):
    """Runs fn, which must fail with `code`; returns the RpcError."""
    try:
        result = fn()
    except grpc.RpcError as e:
        check(e.code() == code, "%s: got %s (%r), want %s" % (what, e.code(), e.details(), code))
        return e
    raise CaseFailed("%s: succeeded (%r), want %s" % (what, type(result).__name__, code))


class Pipe:
    """A request iterator fed by the test, so the test controls when messages and half-close go."""

    _CLOSE = object()

    def __init__(self):
        self._q = queue.Queue()
        self.before_next = None  # optional hook run in grpc's request thread before each message

    def add(self, request):
        self._q.put(request)

    def close(self):
        self._q.put(self._CLOSE)

    def __iter__(self):
        return self

    def __next__(self):
        # Bounded: if the test never feeds us, grpc sees an exception and cancels the call.
        item = self._q.get(timeout=CASE_BUDGET_S)
        if self.before_next is not None:
            self.before_next(item is self._CLOSE)
        if item is self._CLOSE:
            raise StopIteration
        return item

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# --------------------------------------------------------------------------- cases


def empty_unary(ctx):
    resp = ctx.stub.EmptyCall(Empty(), timeout=RPC_DEADLINE_S)
    check(resp is not None and isinstance(resp, Empty), "response is not an Empty message")
    check(resp.ByteSize() == 0, "response serialized to %d bytes, want 0" % resp.ByteSize())


def large_unary(ctx):
    req = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159, payload=payload(271828))
    resp = ctx.stub.UnaryCall(req, timeout=RPC_DEADLINE_S)
    check_payload(resp.payload, 314159)


def client_compressed_unary(ctx):
    def req(expect):
        return m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159,
                               payload=payload(271828), expect_compressed=m.BoolValue(value=expect))

    # Probe: an uncompressed message that claims to be compressed must be refused.
    expect_rpc_error(lambda: ctx.stub.UnaryCall(req(True), timeout=RPC_DEADLINE_S),
                     grpc.StatusCode.INVALID_ARGUMENT, "probe (uncompressed, expect_compressed=true)")
    resp = ctx.stub.UnaryCall(req(True), timeout=RPC_DEADLINE_S, compression=grpc.Compression.Gzip)
    check_payload(resp.payload, 314159, "compressed call: response payload")
    resp = ctx.stub.UnaryCall(req(False), timeout=RPC_DEADLINE_S,
                              compression=grpc.Compression.NoCompression)
    check_payload(resp.payload, 314159, "uncompressed call: response payload")


def server_compressed_unary(ctx):
    # grpcio does not expose the per-message Compressed-Flag of a received message, so
    # this client asserts what it can observe (success, sizes, contents). The flag itself
    # is asserted by the grpc-js client (tests/Conformance/clients/node) and our C# tests.
    for compressed in (True, False):
        req = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159,
                              payload=payload(271828),
                              response_compressed=m.BoolValue(value=compressed))
        resp = ctx.stub.UnaryCall(req, timeout=RPC_DEADLINE_S)
        check_payload(resp.payload, 314159, "response_compressed=%s: response payload" % compressed)


def client_streaming(ctx):
    sizes = [27182, 8, 1828, 45904]
    reqs = [m.StreamingInputCallRequest(payload=payload(n)) for n in sizes]
    resp = ctx.stub.StreamingInputCall(iter(reqs), timeout=RPC_DEADLINE_S)
    check(resp.aggregated_payload_size == 74922,
          "aggregated_payload_size is %d, want 74922" % resp.aggregated_payload_size)


def _no_compress_flag_switch():
    """Returns (set_no_compress, restore) toggling grpcio's write flags for the next message.

    The spec sends the second message of client_compressed_streaming uncompressed on a
    call that compresses. grpcio 1.51 has no public per-message API, but its request
    thread builds each SendMessageOperation with grpc._channel._EMPTY_FLAGS, so setting it
    to GRPC_WRITE_NO_COMPRESS around that one message gives the per-message behaviour.
    Returns None when this grpcio build does not look like that.
    """
    chan_mod = sys.modules.get("grpc._channel")
    cygrpc = getattr(getattr(grpc, "_cython", None), "cygrpc", None)
    flag = getattr(getattr(cygrpc, "WriteFlag", None), "no_compress", None)
    if chan_mod is None or getattr(chan_mod, "_EMPTY_FLAGS", None) != 0 or flag is None:
        return None

    def set_no_compress():
        chan_mod._EMPTY_FLAGS = flag

    def restore():
        chan_mod._EMPTY_FLAGS = 0

    return set_no_compress, restore


def client_compressed_streaming(ctx):
    probe = m.StreamingInputCallRequest(payload=payload(27182), expect_compressed=m.BoolValue(value=True))
    expect_rpc_error(lambda: ctx.stub.StreamingInputCall(iter([probe]), timeout=RPC_DEADLINE_S),
                     grpc.StatusCode.INVALID_ARGUMENT, "probe (uncompressed, expect_compressed=true)")

    first = m.StreamingInputCallRequest(payload=payload(27182), expect_compressed=m.BoolValue(value=True))
    second = m.StreamingInputCallRequest(payload=payload(45904), expect_compressed=m.BoolValue(value=False))
    switch = _no_compress_flag_switch()
    check(switch is not None, "this grpcio build offers no way to send one message uncompressed")
    set_no_compress, restore = switch
    lock = threading.Lock()
    state = {"pulled": 0, "call_over": False}

    def before_next(closing):
        # Runs in grpc's request thread right before it builds the op for the next item.
        # The lock keeps a late pull (after the call already ended) from leaving the
        # global flag set for later calls.
        with lock:
            if closing or state["call_over"]:
                restore()  # close-from-client must carry no flags
            elif state["pulled"] == 1:
                set_no_compress()
            state["pulled"] += 1

    pipe = Pipe()
    pipe.before_next = before_next
    pipe.add(first)
    pipe.add(second)
    pipe.close()
    try:
        resp = ctx.stub.StreamingInputCall(pipe, timeout=RPC_DEADLINE_S,
                                           compression=grpc.Compression.Gzip)
    finally:
        with lock:
            state["call_over"] = True
            restore()
    check(resp.aggregated_payload_size == 73086,
          "aggregated_payload_size is %d, want 73086" % resp.aggregated_payload_size)


def server_streaming(ctx):
    sizes = [31415, 9, 2653, 58979]
    req = m.StreamingOutputCallRequest(
        response_type=m.COMPRESSABLE,
        response_parameters=[m.ResponseParameters(size=n) for n in sizes])
    call = ctx.stub.StreamingOutputCall(req, timeout=RPC_DEADLINE_S)
    got = [len(r.payload.body) for r in call]
    check(got == sizes, "response sizes %s, want %s" % (got, sizes))
    check(call.code() == grpc.StatusCode.OK, "status %s, want OK" % call.code())


def server_compressed_streaming(ctx):
    # As in server_compressed_unary, grpcio cannot see the per-message flag: assert
    # count, order, sizes and success; the flag is checked by the grpc-js client.
    sizes = [31415, 92653]
    req = m.StreamingOutputCallRequest(
        response_type=m.COMPRESSABLE,
        response_parameters=[
            m.ResponseParameters(size=31415, compressed=m.BoolValue(value=True)),
            m.ResponseParameters(size=92653, compressed=m.BoolValue(value=False))])
    call = ctx.stub.StreamingOutputCall(req, timeout=RPC_DEADLINE_S)
    resps = list(call)
    got = [len(r.payload.body) for r in resps]
    check(got == sizes, "response sizes %s, want %s" % (got, sizes))
    for r, n in zip(resps, sizes):
        check_payload(r.payload, n)
    check(call.code() == grpc.StatusCode.OK, "status %s, want OK" % call.code())


def ping_pong(ctx):
    resp_sizes = [31415, 9, 2653, 58979]
    req_sizes = [27182, 8, 1828, 45904]
    with Pipe() as pipe:
        call = ctx.stub.FullDuplexCall(pipe, timeout=RPC_DEADLINE_S)
        for i, (rs, qs) in enumerate(zip(resp_sizes, req_sizes)):
            pipe.add(m.StreamingOutputCallRequest(
                response_type=m.COMPRESSABLE,
                response_parameters=[m.ResponseParameters(size=rs)], payload=payload(qs)))
            try:
                resp = next(call)
            except StopIteration:
                raise CaseFailed("stream ended after %d responses, want 4" % i)
            check_payload(resp.payload, rs, "response %d payload" % (i + 1))
        pipe.close()
        extra = list(call)
        check(not extra, "got %d responses after the 4th, want none" % len(extra))
    check(call.code() == grpc.StatusCode.OK, "status %s, want OK" % call.code())


def empty_stream(ctx):
    call = ctx.stub.FullDuplexCall(iter([]), timeout=RPC_DEADLINE_S)
    got = list(call)
    check(not got, "got %d responses, want 0" % len(got))
    check(call.code() == grpc.StatusCode.OK, "status %s, want OK" % call.code())


def cancel_after_begin(ctx):
    with Pipe() as pipe:
        fut = ctx.stub.StreamingInputCall.future(pipe, timeout=RPC_DEADLINE_S)
        fut.cancel()
        check(fut.cancelled(), "future not cancelled after cancel()")
        check(fut.code() == grpc.StatusCode.CANCELLED, "status %s, want CANCELLED" % fut.code())


def cancel_after_first_response(ctx):
    with Pipe() as pipe:
        call = ctx.stub.FullDuplexCall(pipe, timeout=RPC_DEADLINE_S)
        pipe.add(m.StreamingOutputCallRequest(
            response_type=m.COMPRESSABLE,
            response_parameters=[m.ResponseParameters(size=31415)], payload=payload(27182)))
        resp = next(call)
        check_payload(resp.payload, 31415, "first response payload")
        call.cancel()
        try:
            next(call)
        except grpc.RpcError as e:
            check(e.code() == grpc.StatusCode.CANCELLED, "after cancel: %s, want CANCELLED" % e.code())
        except StopIteration:
            raise CaseFailed("stream completed normally after cancel, want CANCELLED")
        else:
            raise CaseFailed("received another response after cancel")
        check(call.code() == grpc.StatusCode.CANCELLED, "status %s, want CANCELLED" % call.code())


def timeout_on_sleeping_server(ctx):
    with Pipe() as pipe:
        call = ctx.stub.FullDuplexCall(pipe, timeout=0.001)
        pipe.add(m.StreamingOutputCallRequest(response_type=m.COMPRESSABLE, payload=payload(27182)))
        try:
            next(call)
        except grpc.RpcError as e:
            check(e.code() == grpc.StatusCode.DEADLINE_EXCEEDED,
                  "status %s (%r), want DEADLINE_EXCEEDED" % (e.code(), e.details()))
        except StopIteration:
            raise CaseFailed("call completed OK, want DEADLINE_EXCEEDED")
        else:
            raise CaseFailed("received a response, want DEADLINE_EXCEEDED")


def _check_echoed(md, key, value, where):
    vals = [v for k, v in (md or ()) if k == key]
    check(vals == [value], "%s metadata %s = %r, want exactly [%r]" % (where, key, vals, value))


def custom_metadata(ctx):
    md = ((ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE), (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))

    req = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=314159, payload=payload(271828))
    resp, call = ctx.stub.UnaryCall.with_call(req, metadata=md, timeout=RPC_DEADLINE_S)
    check_payload(resp.payload, 314159, "UnaryCall response payload")
    _check_echoed(call.initial_metadata(), ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE, "UnaryCall initial")
    _check_echoed(call.trailing_metadata(), ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE, "UnaryCall trailing")

    req = m.StreamingOutputCallRequest(response_type=m.COMPRESSABLE,
                                       response_parameters=[m.ResponseParameters(size=314159)],
                                       payload=payload(271828))
    call = ctx.stub.FullDuplexCall(iter([req]), metadata=md, timeout=RPC_DEADLINE_S)
    resps = list(call)
    check(len(resps) == 1, "FullDuplexCall got %d responses, want 1" % len(resps))
    check_payload(resps[0].payload, 314159, "FullDuplexCall response payload")
    check(call.code() == grpc.StatusCode.OK, "FullDuplexCall status %s, want OK" % call.code())
    _check_echoed(call.initial_metadata(), ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE, "FullDuplexCall initial")
    _check_echoed(call.trailing_metadata(), ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE,
                  "FullDuplexCall trailing")


def _check_status(e, code, message, what):
    check(e.code() == code, "%s: code %s, want %s" % (what, e.code(), code))
    check(e.details() == message, "%s: message %r, want %r" % (what, e.details(), message))


def status_code_and_message(ctx):
    msg = "test status message"
    status = m.EchoStatus(code=2, message=msg)

    req = m.SimpleRequest(response_type=m.COMPRESSABLE, response_status=status)
    e = expect_rpc_error(lambda: ctx.stub.UnaryCall(req, timeout=RPC_DEADLINE_S),
                         grpc.StatusCode.UNKNOWN, "UnaryCall")
    _check_status(e, grpc.StatusCode.UNKNOWN, msg, "UnaryCall")

    req = m.StreamingOutputCallRequest(response_type=m.COMPRESSABLE, response_status=status)
    e = expect_rpc_error(lambda: list(ctx.stub.FullDuplexCall(iter([req]), timeout=RPC_DEADLINE_S)),
                         grpc.StatusCode.UNKNOWN, "FullDuplexCall")
    _check_status(e, grpc.StatusCode.UNKNOWN, msg, "FullDuplexCall")


def special_status_message(ctx):
    req = m.SimpleRequest(response_type=m.COMPRESSABLE,
                          response_status=m.EchoStatus(code=2, message=SPECIAL_STATUS_MESSAGE))
    e = expect_rpc_error(lambda: ctx.stub.UnaryCall(req, timeout=RPC_DEADLINE_S),
                         grpc.StatusCode.UNKNOWN, "UnaryCall")
    _check_status(e, grpc.StatusCode.UNKNOWN, SPECIAL_STATUS_MESSAGE, "UnaryCall")


def unimplemented_method(ctx):
    expect_rpc_error(lambda: ctx.stub.UnimplementedCall(Empty(), timeout=RPC_DEADLINE_S),
                     grpc.StatusCode.UNIMPLEMENTED, "TestService/UnimplementedCall")


def unimplemented_service(ctx):
    stub = test_pb2_grpc.UnimplementedServiceStub(ctx.channel)
    expect_rpc_error(lambda: stub.UnimplementedCall(Empty(), timeout=RPC_DEADLINE_S),
                     grpc.StatusCode.UNIMPLEMENTED, "UnimplementedService/UnimplementedCall")


CASES = [
    empty_unary, large_unary, client_streaming, server_streaming, ping_pong, empty_stream,
    cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server, custom_metadata,
    status_code_and_message, special_status_message, unimplemented_method, unimplemented_service,
    client_compressed_unary, client_compressed_streaming, server_compressed_unary,
    server_compressed_streaming,
]
CASES_BY_NAME = {f.__name__: f for f in CASES}


class Context:
    def __init__(self, channel):
        self.channel = channel
        self.stub = test_pb2_grpc.TestServiceStub(channel)


def run_case(fn, ctx):
    """Runs one case on a worker thread with an overall budget; returns None or a reason."""
    result = {}

    def target():
        try:
            fn(ctx)
            result["ok"] = True
        except CaseFailed as e:
            result["err"] = str(e)
        except grpc.RpcError as e:
            result["err"] = "unexpected RPC failure %s: %r" % (e.code(), e.details())
        except Exception as e:  # noqa: BLE001 - report, never crash the run
            result["err"] = "%s: %s" % (type(e).__name__, e)

    t = threading.Thread(target=target, name=fn.__name__, daemon=True)
    t.start()
    t.join(CASE_BUDGET_S)
    if t.is_alive():
        return "case did not finish within %.0f s" % CASE_BUDGET_S
    return None if result.get("ok") else result.get("err", "no result")


def parse_bool(s):
    return str(s).lower() in ("1", "true", "yes")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server_host", default="127.0.0.1")
    ap.add_argument("--server_host_override", default="")
    ap.add_argument("--server_port", type=int, required=True)
    ap.add_argument("--test_case", default="all",
                    help="a case name, a comma-separated list, or 'all': " + ", ".join(CASES_BY_NAME))
    ap.add_argument("--use_tls", default="false", help="only false (h2c) is supported")
    args = ap.parse_args(argv)

    if parse_bool(args.use_tls):
        ap.error("--use_tls=true is not supported by this client")
    if args.test_case == "all":
        cases = CASES
    else:
        names = [n.strip() for n in args.test_case.split(",") if n.strip()]
        unknown = [n for n in names if n not in CASES_BY_NAME]
        if unknown or not names:
            ap.error("unknown test case(s): %s" % ", ".join(unknown or ["<empty>"]))
        cases = [CASES_BY_NAME[n] for n in names]

    options = [("grpc.max_receive_message_length", 16 * 1024 * 1024)]
    if args.server_host_override:
        options.append(("grpc.default_authority", args.server_host_override))
    target = "%s:%d" % (args.server_host, args.server_port)
    if ":" in args.server_host and not args.server_host.startswith("["):
        target = "[%s]:%d" % (args.server_host, args.server_port)
    channel = grpc.insecure_channel(target, options=options)
    try:
        grpc.channel_ready_future(channel).result(timeout=10)
    except grpc.FutureTimeoutError:
        sys.stderr.write("warning: %s not ready after 10 s; running cases anyway\n" % target)
    ctx = Context(channel)

    passed = failed = 0
    for fn in cases:
        reason = run_case(fn, ctx)
        if reason is None:
            passed += 1
            print("PASS %s" % fn.__name__, flush=True)
        else:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, " ".join(reason.split())), flush=True)
    print("%d passed, %d failed" % (passed, failed), flush=True)
    sys.stdout.flush()
    # A case abandoned after its budget may leave a grpc thread behind; do not wait for it.
    os._exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
