#!/usr/bin/env node
// gRPC interop client (npm @grpc/grpc-js) that drives a TestService server.
//
// Written against the official interop spec (grpc/grpc doc/interop-test-descriptions.md),
// not against our server. Install with `npm ci` in this directory (scripts/setup.sh), then:
//
//   node tests/Conformance/clients/node/interop_client.js \
//       --server_host 127.0.0.1 --server_port 50051 --test_case all
//
// Output: one line per case, "PASS <case>" or "FAIL <case>: <reason>", then
// "N passed, M failed". Exit code 1 if any case failed, 2 on a usage error.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', 'protos');
const RPC_DEADLINE_MS = 20000; // every RPC gets this deadline
const CASE_BUDGET_MS = 60000; // a case as a whole is abandoned after this

const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);
const SPECIAL_STATUS_MESSAGE =
  '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';

// grpc-js WriteFlags.NoCompress: a message written with this flag goes out uncompressed
// on a call that compresses (compression-filter.js checks `flags & 2`).
const WRITE_NO_COMPRESS = 2;
// grpc-js CompressionAlgorithms: 0 identity, 1 deflate, 2 gzip. Per-channel option only.
const GZIP = 2;

const Status = grpc.status;

// ---------------------------------------------------------------- Compressed-Flag observer
//
// The spec's compression cases assert the per-message Compressed-Flag, which grpc-js does
// not expose. Its CompressionFilter is the one place that sees framed messages (5-byte
// prefix included) in both directions, so we wrap it and record byte 0 of each message.
// Cases run one at a time, so a single log reset per call is enough.
const compressionFilterPath = path.join(path.dirname(require.resolve('@grpc/grpc-js')),
  'compression-filter.js');
const { CompressionFilter } = require(compressionFilterPath);
const flagLog = { sent: [], received: [] };
(function installFlagObserver() {
  const proto = CompressionFilter && CompressionFilter.prototype;
  if (!proto || typeof proto.sendMessage !== 'function' || typeof proto.receiveMessage !== 'function') {
    throw new Error(`grpc-js ${compressionFilterPath} has no CompressionFilter.send/receiveMessage`);
  }
  const origSend = proto.sendMessage;
  const origReceive = proto.receiveMessage;
  proto.sendMessage = async function (message) {
    const out = await origSend.call(this, message);
    flagLog.sent.push(out.message.readUInt8(0));
    return out;
  };
  proto.receiveMessage = async function (message) {
    const framed = await message;
    flagLog.received.push(framed.readUInt8(0));
    return origReceive.call(this, framed);
  };
})();

function resetFlags() {
  flagLog.sent = [];
  flagLog.received = [];
}

// ---------------------------------------------------------------- helpers

class CaseFailed extends Error {}

function check(cond, reason) {
  if (!cond) throw new CaseFailed(reason);
}

function statusName(code) {
  const name = Object.keys(Status).find((k) => Status[k] === code);
  return name ? `${name}(${code})` : String(code);
}

function deadline(ms = RPC_DEADLINE_MS) {
  return { deadline: Date.now() + ms };
}

function payload(n) {
  return { type: 'COMPRESSABLE', body: Buffer.alloc(n) };
}

function checkPayload(p, size, what = 'response payload') {
  const body = p && p.body ? p.body : Buffer.alloc(0);
  check(body.length === size, `${what} is ${body.length} bytes, want ${size}`);
  check(body.every((b) => b === 0), `${what} is not all zeros`);
}

function checkFlags(actual, want, what) {
  check(JSON.stringify(actual) === JSON.stringify(want),
    `${what} Compressed-Flags ${JSON.stringify(actual)}, want ${JSON.stringify(want)}`);
}

// Starts a unary or client-streaming call; resolves when both the callback and the
// 'status' event have fired, with { err, resp, initial, status }.
function collectUnary(start) {
  return new Promise((resolve) => {
    let result = null;
    let status = null;
    let initial = null;
    const done = () => {
      if (result && status) resolve({ ...result, status, initial });
    };
    const call = start((err, resp) => {
      result = { err, resp };
      done();
    });
    call.on('metadata', (md) => {
      initial = md;
    });
    call.on('status', (st) => {
      status = st;
      done();
    });
  });
}

function unary(client, method, req, md = new grpc.Metadata(), opts = deadline()) {
  return collectUnary((cb) => client[method](req, md, opts, cb));
}

function clientStream(client, method, writes, md = new grpc.Metadata(), opts = deadline()) {
  return collectUnary((cb) => {
    const call = client[method](md, opts, cb);
    for (const [msg, flags] of writes) {
      if (flags === undefined) call.write(msg);
      else call.write(msg, flags);
    }
    call.end();
    return call;
  });
}

// Wraps a readable call (server-streaming or bidi) so a test can await one response at a
// time with a bound, and await the final status.
class StreamReader {
  constructor(call) {
    this.call = call;
    this.queue = [];
    this.waiters = [];
    this.initial = null;
    this.ended = false;
    this.status = new Promise((resolve) => call.on('status', resolve));
    call.on('metadata', (md) => {
      this.initial = md;
    });
    call.on('data', (m) => this._push({ value: m }));
    call.on('end', () => this._push({ end: true }));
    call.on('error', (e) => this._push({ error: e }));
  }

  _push(item) {
    if (this.ended) return;
    if (item.end || item.error) this.ended = true;
    const w = this.waiters.shift();
    if (w) w(item);
    else this.queue.push(item);
  }

  // Resolves { value } | { end: true } | { error }; rejects CaseFailed after ms.
  next(ms = RPC_DEADLINE_MS) {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    if (this.ended) return Promise.resolve({ end: true });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new CaseFailed(`no response, end or error within ${ms} ms`));
      }, ms);
      const waiter = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push(waiter);
    });
  }

  async rest(ms = RPC_DEADLINE_MS) {
    const out = [];
    for (let i = 0; i < 10000; i++) {
      const item = await this.next(ms);
      if (item.value !== undefined) out.push(item.value);
      else return { values: out, error: item.error };
    }
    throw new CaseFailed('more than 10000 responses');
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new CaseFailed(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]);
}

function statusOf(p, ms = RPC_DEADLINE_MS) {
  return withTimeout(p, ms, 'call status');
}

function expectOk(r, what) {
  check(!r.err, `${what}: failed with ${r.err && statusName(r.err.code)} (${JSON.stringify(r.err && r.err.details)})`);
  check(r.status.code === Status.OK, `${what}: status ${statusName(r.status.code)}, want OK`);
}

function expectCode(st, code, what) {
  check(st.code === code, `${what}: status ${statusName(st.code)} (${JSON.stringify(st.details)}), want ${statusName(code)}`);
}

function expectStatus(st, code, message, what) {
  expectCode(st, code, what);
  check(st.details === message, `${what}: message ${JSON.stringify(st.details)}, want ${JSON.stringify(message)}`);
}

function checkEchoed(md, key, value, where) {
  const vals = md ? md.get(key) : [];
  const same = vals.length === 1 && (Buffer.isBuffer(value)
    ? Buffer.isBuffer(vals[0]) && vals[0].equals(value)
    : vals[0] === value);
  const show = (v) => (Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : JSON.stringify(v));
  check(same, `${where} metadata ${key} = [${vals.map(show).join(', ')}], want exactly [${show(value)}]`);
}

function echoMetadata() {
  const md = new grpc.Metadata();
  md.add(ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
  md.add(ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
  return md;
}

// ---------------------------------------------------------------- cases

const cases = {
  async empty_unary(c) {
    const r = await unary(c.test, 'EmptyCall', {});
    expectOk(r, 'EmptyCall');
    check(r.resp !== null && typeof r.resp === 'object', 'response is null');
    check(Object.keys(r.resp).length === 0, `response has fields ${JSON.stringify(r.resp)}, want none`);
  },

  async large_unary(c) {
    const r = await unary(c.test, 'UnaryCall',
      { response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828) });
    expectOk(r, 'UnaryCall');
    checkPayload(r.resp.payload, 314159);
  },

  async client_streaming(c) {
    const writes = [27182, 8, 1828, 45904].map((n) => [{ payload: payload(n) }]);
    const r = await clientStream(c.test, 'StreamingInputCall', writes);
    expectOk(r, 'StreamingInputCall');
    check(r.resp.aggregated_payload_size === 74922,
      `aggregated_payload_size is ${r.resp.aggregated_payload_size}, want 74922`);
  },

  async server_streaming(c) {
    const sizes = [31415, 9, 2653, 58979];
    const s = new StreamReader(c.test.StreamingOutputCall(
      { response_type: 'COMPRESSABLE', response_parameters: sizes.map((size) => ({ size })) },
      new grpc.Metadata(), deadline()));
    const { values, error } = await s.rest();
    check(!error, `stream failed: ${error && statusName(error.code)} ${error && error.details}`);
    const got = values.map((v) => v.payload.body.length);
    check(JSON.stringify(got) === JSON.stringify(sizes), `response sizes ${JSON.stringify(got)}, want ${JSON.stringify(sizes)}`);
    values.forEach((v, i) => checkPayload(v.payload, sizes[i], `response ${i + 1} payload`));
    expectCode(await statusOf(s.status), Status.OK, 'StreamingOutputCall');
  },

  async ping_pong(c) {
    const respSizes = [31415, 9, 2653, 58979];
    const reqSizes = [27182, 8, 1828, 45904];
    const call = c.test.FullDuplexCall(new grpc.Metadata(), deadline());
    const s = new StreamReader(call);
    for (let i = 0; i < 4; i++) {
      call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: respSizes[i] }], payload: payload(reqSizes[i]) });
      const item = await s.next();
      check(item.value !== undefined, `no response ${i + 1}: ${item.error ? `${statusName(item.error.code)} ${item.error.details}` : 'stream ended'}`);
      checkPayload(item.value.payload, respSizes[i], `response ${i + 1} payload`);
    }
    call.end();
    const { values, error } = await s.rest();
    check(!error, `stream failed after half-close: ${error && statusName(error.code)}`);
    check(values.length === 0, `got ${values.length} responses after the 4th, want none`);
    expectCode(await statusOf(s.status), Status.OK, 'FullDuplexCall');
  },

  async empty_stream(c) {
    const call = c.test.FullDuplexCall(new grpc.Metadata(), deadline());
    const s = new StreamReader(call);
    call.end();
    const { values, error } = await s.rest();
    check(!error, `stream failed: ${error && statusName(error.code)}`);
    check(values.length === 0, `got ${values.length} responses, want 0`);
    expectCode(await statusOf(s.status), Status.OK, 'FullDuplexCall');
  },

  async cancel_after_begin(c) {
    const r = await withTimeout(collectUnary((cb) => {
      const call = c.test.StreamingInputCall(new grpc.Metadata(), deadline(), cb);
      call.cancel();
      return call;
    }), RPC_DEADLINE_MS, 'cancelled call');
    check(r.err, 'call succeeded, want CANCELLED');
    expectCode(r.err, Status.CANCELLED, 'StreamingInputCall');
    expectCode(r.status, Status.CANCELLED, 'StreamingInputCall status');
  },

  async cancel_after_first_response(c) {
    const call = c.test.FullDuplexCall(new grpc.Metadata(), deadline());
    const s = new StreamReader(call);
    call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: 31415 }], payload: payload(27182) });
    const item = await s.next();
    check(item.value !== undefined, `no first response: ${item.error ? statusName(item.error.code) : 'stream ended'}`);
    checkPayload(item.value.payload, 31415, 'first response payload');
    call.cancel();
    const st = await statusOf(s.status);
    expectCode(st, Status.CANCELLED, 'FullDuplexCall');
    const rest = await s.next();
    check(rest.value === undefined, 'received another response after cancel');
  },

  async timeout_on_sleeping_server(c) {
    const call = c.test.FullDuplexCall(new grpc.Metadata(), deadline(1));
    const s = new StreamReader(call);
    call.write({ response_type: 'COMPRESSABLE', payload: payload(27182) });
    const st = await statusOf(s.status);
    expectCode(st, Status.DEADLINE_EXCEEDED, 'FullDuplexCall');
  },

  async custom_metadata(c) {
    const r = await unary(c.test, 'UnaryCall',
      { response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828) }, echoMetadata());
    expectOk(r, 'UnaryCall');
    checkPayload(r.resp.payload, 314159, 'UnaryCall response payload');
    checkEchoed(r.initial, ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE, 'UnaryCall initial');
    checkEchoed(r.status.metadata, ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE, 'UnaryCall trailing');

    const call = c.test.FullDuplexCall(echoMetadata(), deadline());
    const s = new StreamReader(call);
    call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: 314159 }], payload: payload(271828) });
    call.end();
    const { values, error } = await s.rest();
    check(!error, `FullDuplexCall failed: ${error && statusName(error.code)} ${error && error.details}`);
    check(values.length === 1, `FullDuplexCall got ${values.length} responses, want 1`);
    checkPayload(values[0].payload, 314159, 'FullDuplexCall response payload');
    const st = await statusOf(s.status);
    expectCode(st, Status.OK, 'FullDuplexCall');
    checkEchoed(s.initial, ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE, 'FullDuplexCall initial');
    checkEchoed(st.metadata, ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE, 'FullDuplexCall trailing');
  },

  async status_code_and_message(c) {
    const msg = 'test status message';
    const r = await unary(c.test, 'UnaryCall',
      { response_type: 'COMPRESSABLE', response_status: { code: 2, message: msg } });
    check(r.err, 'UnaryCall succeeded, want UNKNOWN');
    expectStatus(r.status, Status.UNKNOWN, msg, 'UnaryCall');

    const call = c.test.FullDuplexCall(new grpc.Metadata(), deadline());
    const s = new StreamReader(call);
    call.write({ response_type: 'COMPRESSABLE', response_status: { code: 2, message: msg } });
    call.end();
    expectStatus(await statusOf(s.status), Status.UNKNOWN, msg, 'FullDuplexCall');
  },

  async special_status_message(c) {
    const r = await unary(c.test, 'UnaryCall',
      { response_type: 'COMPRESSABLE', response_status: { code: 2, message: SPECIAL_STATUS_MESSAGE } });
    check(r.err, 'UnaryCall succeeded, want UNKNOWN');
    expectStatus(r.status, Status.UNKNOWN, SPECIAL_STATUS_MESSAGE, 'UnaryCall');
  },

  async unimplemented_method(c) {
    const r = await unary(c.test, 'UnimplementedCall', {});
    expectCode(r.status, Status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
  },

  async unimplemented_service(c) {
    const r = await unary(c.unimplemented, 'UnimplementedCall', {});
    expectCode(r.status, Status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
  },

  async client_compressed_unary(c) {
    const req = (expect) => ({
      response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828),
      expect_compressed: { value: expect },
    });
    // Probe: an uncompressed message that claims to be compressed must be refused.
    resetFlags();
    let r = await unary(c.test, 'UnaryCall', req(true));
    checkFlags(flagLog.sent, [0], 'probe request');
    expectCode(r.status, Status.INVALID_ARGUMENT, 'probe (uncompressed, expect_compressed=true)');

    resetFlags();
    const gz = c.newGzipClient();
    try {
      r = await unary(gz, 'UnaryCall', req(true));
    } finally {
      gz.close();
    }
    checkFlags(flagLog.sent, [1], 'compressed request');
    expectOk(r, 'compressed call');
    checkPayload(r.resp.payload, 314159, 'compressed call: response payload');

    resetFlags();
    r = await unary(c.test, 'UnaryCall', req(false));
    checkFlags(flagLog.sent, [0], 'uncompressed request');
    expectOk(r, 'uncompressed call');
    checkPayload(r.resp.payload, 314159, 'uncompressed call: response payload');
  },

  async client_compressed_streaming(c) {
    resetFlags();
    let r = await clientStream(c.test, 'StreamingInputCall',
      [[{ payload: payload(27182), expect_compressed: { value: true } }]]);
    check(flagLog.sent.length <= 1 && flagLog.sent.every((f) => f === 0),
      `probe request Compressed-Flags ${JSON.stringify(flagLog.sent)}, want [0]`);
    expectCode(r.status, Status.INVALID_ARGUMENT, 'probe (uncompressed, expect_compressed=true)');

    // One call on a gzip channel: the first message compressed, the second written with
    // NoCompress, so compression is switched per message as the spec asks.
    resetFlags();
    const gz = c.newGzipClient();
    try {
      r = await clientStream(gz, 'StreamingInputCall', [
        [{ payload: payload(27182), expect_compressed: { value: true } }],
        [{ payload: payload(45904), expect_compressed: { value: false } }, WRITE_NO_COMPRESS],
      ]);
    } finally {
      gz.close();
    }
    checkFlags(flagLog.sent, [1, 0], 'request');
    expectOk(r, 'StreamingInputCall');
    check(r.resp.aggregated_payload_size === 73086,
      `aggregated_payload_size is ${r.resp.aggregated_payload_size}, want 73086`);
  },

  async server_compressed_unary(c) {
    for (const compressed of [true, false]) {
      resetFlags();
      const r = await unary(c.test, 'UnaryCall', {
        response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828),
        response_compressed: { value: compressed },
      });
      expectOk(r, `response_compressed=${compressed}`);
      checkFlags(flagLog.received, [compressed ? 1 : 0], `response_compressed=${compressed}: response`);
      checkPayload(r.resp.payload, 314159, `response_compressed=${compressed}: response payload`);
    }
  },

  async server_compressed_streaming(c) {
    const sizes = [31415, 92653];
    resetFlags();
    const s = new StreamReader(c.test.StreamingOutputCall({
      response_type: 'COMPRESSABLE',
      response_parameters: [
        { size: 31415, compressed: { value: true } },
        { size: 92653, compressed: { value: false } },
      ],
    }, new grpc.Metadata(), deadline()));
    const { values, error } = await s.rest();
    check(!error, `stream failed: ${error && statusName(error.code)} ${error && error.details}`);
    const got = values.map((v) => v.payload.body.length);
    check(JSON.stringify(got) === JSON.stringify(sizes), `response sizes ${JSON.stringify(got)}, want ${JSON.stringify(sizes)}`);
    values.forEach((v, i) => checkPayload(v.payload, sizes[i], `response ${i + 1} payload`));
    checkFlags(flagLog.received, [1, 0], 'responses');
    expectCode(await statusOf(s.status), Status.OK, 'StreamingOutputCall');
  },
};

const ORDER = [
  'empty_unary', 'large_unary', 'client_streaming', 'server_streaming', 'ping_pong', 'empty_stream',
  'cancel_after_begin', 'cancel_after_first_response', 'timeout_on_sleeping_server', 'custom_metadata',
  'status_code_and_message', 'special_status_message', 'unimplemented_method', 'unimplemented_service',
  'client_compressed_unary', 'client_compressed_streaming', 'server_compressed_unary',
  'server_compressed_streaming',
];

// ---------------------------------------------------------------- main

function usage(msg) {
  process.stderr.write(`${msg}\nusage: node interop_client.js --server_port PORT [--server_host HOST] `
    + `[--server_host_override NAME] [--test_case all|NAME[,NAME...]]\ncases: ${ORDER.join(', ')}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { server_host: '127.0.0.1', server_host_override: '', server_port: '', test_case: 'all', use_tls: 'false' };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z_]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in args)) usage(`unknown argument: ${argv[i]}`);
    let value = m[2];
    if (value === undefined) {
      if (i + 1 >= argv.length) usage(`missing value for --${m[1]}`);
      value = argv[++i];
    }
    args[m[1]] = value;
  }
  if (!/^\d+$/.test(args.server_port)) usage('--server_port is required');
  if (/^(1|true|yes)$/i.test(args.use_tls)) usage('--use_tls=true is not supported by this client');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let names = ORDER;
  if (args.test_case !== 'all') {
    names = args.test_case.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !cases[n]);
    if (unknown.length || !names.length) usage(`unknown test case(s): ${unknown.join(', ') || '<empty>'}`);
  }

  const def = protoLoader.loadSync('grpc/testing/test.proto', {
    includeDirs: [PROTO_ROOT], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
  });
  const testing = grpc.loadPackageDefinition(def).grpc.testing;
  const host = args.server_host.includes(':') && !args.server_host.startsWith('[')
    ? `[${args.server_host}]` : args.server_host;
  const target = `${host}:${args.server_port}`;
  const options = { 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
  if (args.server_host_override) options['grpc.default_authority'] = args.server_host_override;
  const creds = grpc.credentials.createInsecure();
  const clients = {
    test: new testing.TestService(target, creds, options),
    unimplemented: new testing.UnimplementedService(target, creds, options),
  };
  // grpc-js selects request compression per channel only ('grpc.default_compression_algorithm'),
  // and once a channel has seen a grpc-accept-encoding it stops compressing unless the
  // header's comma-split entries include "gzip" verbatim (it does not trim, so
  // "identity, deflate, gzip" turns compression off). A fresh channel per compressed call
  // therefore always compresses, as the spec's procedure requires.
  const newGzipClient = () => new testing.TestService(target, creds,
    { ...options, 'grpc.default_compression_algorithm': GZIP });

  let passed = 0;
  let failed = 0;
  for (const name of names) {
    let reason = null;
    try {
      await withTimeout(cases[name]({ ...clients, newGzipClient }), CASE_BUDGET_MS, 'case');
    } catch (e) {
      reason = e instanceof CaseFailed ? e.message : `${e && e.name}: ${e && (e.details || e.message)}`;
    }
    if (reason === null) {
      passed++;
      console.log(`PASS ${name}`);
    } else {
      failed++;
      console.log(`FAIL ${name}: ${reason.split(/\s+/).join(' ').trim()}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  for (const c of Object.values(clients)) c.close();
  // Do not wait for an abandoned call's timers; stdout is flushed before exit for pipes.
  process.stdout.write('', () => process.exit(failed ? 1 : 0));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
