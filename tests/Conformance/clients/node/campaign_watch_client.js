#!/usr/bin/env node
// CampaignStatusService client (npm @grpc/grpc-js + @grpc/proto-loader) with stubs loaded from protos/.
//
// Reports OCS campaign-group notifications over gRPC and watches them come back on the
// server-streaming WatchCampaignStatus. The service definition is loaded at run time from the
// repository's protos/ by @grpc/proto-loader: no reflection.
//
//   node tests/Conformance/clients/node/campaign_watch_client.js --server_port 50051 \
//       [--server_host 127.0.0.1] [--tenant conformance-grpc-js]
//
// The server's heartbeat interval must be short (the conformance server uses 0.5 s).
// Output: one line per case, "PASS <case>" or "FAIL <case>: <reason>", then "N passed, M failed".
// Exit code 1 if any case failed, 2 on a usage error. Every RPC has a deadline.
'use strict';

const path = require('path');
const assert = require('assert');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTOS = path.resolve(__dirname, '..', '..', '..', '..', 'protos');
const RPC_DEADLINE_MS = 20000;
const RESUME_EVENTS = 200;

function parseArgs(argv) {
  const args = { server_host: '127.0.0.1', server_port: null, tenant: 'conformance-grpc-js' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || argv[i + 1] === undefined) {
      process.stderr.write(`unknown or incomplete argument ${argv[i]}\n`);
      process.exit(2);
    }
    args[key] = argv[i + 1];
  }
  if (!args.server_port) {
    process.stderr.write('--server_port is required\n');
    process.exit(2);
  }
  return args;
}

// keepCase keeps our protos' snake_case names; the well-known types (google.protobuf.Value,
// Struct) come from protobufjs's bundled definitions, whose names are camelCase (numberValue).
const definition = protoLoader.loadSync('journeygrpc/campaign/v1/campaign_status_service.proto', {
  includeDirs: [PROTOS],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: false,
  oneofs: true,
});
const campaign = grpc.loadPackageDefinition(definition).journeygrpc.campaign.v1;

class CaseFailed extends Error {}

function check(cond, reason) {
  if (!cond) throw new CaseFailed(reason);
}

function deadline() {
  return new Date(Date.now() + RPC_DEADLINE_MS);
}

function notification(tenant, guid, action, millis = 0) {
  const n = {
    gsw_user_event: 'CampaignGroupState',
    gsw_date_time: `${1763726400 + Math.floor(millis / 1000)}.${String(millis % 1000).padStart(3, '0')}`,
    gsw_tenant_name: tenant,
    gsw_tenant_ccid: 'Unknown',
    gsw_campaign_group_name: 'Retention Q4@Outbound',
    gsw_campaign_group_guid: guid,
    gsw_campaign_group_dbid: '1042',
    gsw_group_name: 'Outbound',
    gsw_campaign_name: 'Retention Q4',
    gsw_queue_name: '7000',
    gsw_campaign_group_state: 5,
    gsw_campaign_group_actor: 1,
  };
  if (action !== undefined && action !== null) n.gsw_campaign_group_action = action;
  return n;
}

function report(client, n) {
  return new Promise((resolve, reject) => {
    client.ReportCampaignGroupState({ notification: n }, { deadline: deadline() }, (error, response) =>
      error ? reject(error) : resolve(response.event));
  });
}

// Reads a watch message by message; next() resolves with the next message, or rejects on error/end.
function watch(client, request) {
  const call = client.WatchCampaignStatus(request, { deadline: deadline() });
  const queue = [];
  const waiters = [];
  let failure = null;
  const settle = () => {
    while (waiters.length && (queue.length || failure)) {
      const waiter = waiters.shift();
      if (queue.length) waiter.resolve(queue.shift());
      else waiter.reject(failure);
    }
  };
  call.on('data', (message) => { queue.push(message); settle(); });
  call.on('error', (error) => { failure = failure || error; settle(); });
  call.on('end', () => { failure = failure || new CaseFailed('the watch ended'); settle(); });
  return {
    next: () => new Promise((resolve, reject) => { waiters.push({ resolve, reject }); settle(); }),
    async nextEvent() {
      for (;;) {
        const message = await this.next();
        if (message.payload === 'event') return message;
      }
    },
    cancel: () => call.cancel(),
  };
}

const cases = {
  async report_every_field(client, tenant) {
    const n = notification(tenant, 'js-every-field', 9);
    Object.assign(n, {
      gsw_campaign_template_name: '',
      gsw_dial_mode: 1,
      gsw_optimize_by: 1,
      gsw_optimize_goal: 85,
      gsw_stat_busy_factor: { numberValue: 0.85 },
      gsw_stat_hit_ratio: { nullValue: 'NULL_VALUE' },
      gsw_stat_overdial_rate: { numberValue: 0.02 },
      gsw_stat_time_to_complete: { numberValue: 600 },
      gsw_calling_lists: [{
        gsw_calling_list: 'List A',
        gsw_stat_hit_ratio: { numberValue: 0.25 },
        gsw_stat_time_to_complete: { nullValue: 'NULL_VALUE' },
        additional_keys: { fields: { GSW_CALLING_LIST_DBID: { stringValue: '77' } } },
      }],
      additional_keys: { fields: { GSW_AUTO_COMPLETION: { numberValue: 1 } } },
    });
    const w = watch(client, { tenant, campaign_group_guids: ['js-every-field'], after_sequence: 0 });
    try {
      const recorded = await report(client, n);
      check(recorded.sequence > 0, 'no sequence');
      check(recorded.kind === 'CAMPAIGN_EVENT_KIND_STARTED', `kind ${recorded.kind}`);
      check(recorded.transition_check === 'TRANSITION_CHECK_FIRST_SEEN', `check ${recorded.transition_check}`);
      const got = recorded.notification;
      check(got.gsw_campaign_template_name === '', 'empty template name lost');
      check(got.gsw_stat_hit_ratio && got.gsw_stat_hit_ratio.kind === 'nullValue', 'null statistic lost');
      check(got.gsw_stat_busy_factor.numberValue === 0.85, 'busy factor changed');
      check(got.gsw_calling_lists[0].additional_keys.fields.GSW_CALLING_LIST_DBID.stringValue === '77', 'calling-list unknown key lost');
      check(got.additional_keys.fields.GSW_AUTO_COMPLETION.numberValue === 1, 'unknown key lost');
      const streamed = (await w.nextEvent()).event;
      assert.deepStrictEqual(streamed, recorded, 'streamed event differs from the recorded one');
    } finally {
      w.cancel();
    }
  },

  async watch_current_state_then_live(client, tenant) {
    await report(client, notification(tenant, 'js-state-1', 7));
    await report(client, notification(tenant, 'js-state-2', 7));
    const w = watch(client, { tenant, campaign_group_guids: ['js-state-1'], include_current_state: true });
    try {
      const state = await w.next();
      check(state.payload === 'current_state', `first message is ${state.payload}`);
      check(state.current_state.campaign_group_guid === 'js-state-1', `state of ${state.current_state.campaign_group_guid}`);
      check(state.current_state.lifecycle === 'CAMPAIGN_GROUP_LIFECYCLE_LOADED', `lifecycle ${state.current_state.lifecycle}`);
      const end = await w.next();
      check(end.payload === 'current_state_end' && end.current_state_end.campaign_group_count === 1, 'no end after one state');
      const recorded = await report(client, notification(tenant, 'js-state-1', 9, 1000));
      const live = (await w.nextEvent()).event;
      assert.deepStrictEqual(live, recorded, 'live event differs from the recorded one');
      check(live.previous_lifecycle === 'CAMPAIGN_GROUP_LIFECYCLE_LOADED' && live.lifecycle === 'CAMPAIGN_GROUP_LIFECYCLE_RUNNING', 'lifecycle not LOADED -> RUNNING');
    } finally {
      w.cancel();
    }
  },

  async watch_kind_filter(client, tenant) {
    const w = watch(client, { tenant, campaign_group_guids: ['js-kinds'], kinds: ['CAMPAIGN_EVENT_KIND_STOPPED'] });
    try {
      await report(client, notification(tenant, 'js-kinds', 7));
      await report(client, notification(tenant, 'js-kinds', 9, 1));
      const stopped = await report(client, notification(tenant, 'js-kinds', 10, 2));
      const first = (await w.nextEvent()).event;
      assert.deepStrictEqual(first, stopped, `first event is ${first.kind}, not the stop`);
    } finally {
      w.cancel();
    }
  },

  async resume_after_cancel(client, tenant) {
    const start = (await report(client, notification(tenant, 'js-resume', 7))).sequence;
    const sequences = [start];
    for (let i = 1; i < RESUME_EVENTS; i++) {
      sequences.push((await report(client, notification(tenant, 'js-resume', null, i))).sequence);
    }
    const received = [];
    let resume = start - 1;
    const first = watch(client, { tenant, campaign_group_guids: ['js-resume'], after_sequence: resume });
    while (received.length < RESUME_EVENTS / 4) {
      const message = await first.next();
      if (message.payload === 'event') received.push(message.event.sequence);
      resume = message.resume_after_sequence;
    }
    first.cancel(); // the subscriber is killed mid-stream
    const second = watch(client, { tenant, campaign_group_guids: ['js-resume'], after_sequence: resume });
    try {
      while (received.length < RESUME_EVENTS) {
        const message = await second.next();
        if (message.payload === 'event') received.push(message.event.sequence);
      }
    } finally {
      second.cancel();
    }
    assert.deepStrictEqual(received, sequences, `received ${received.length} events, ${new Set(received).size} distinct`);
  },

  async heartbeat_when_idle(client, tenant) {
    const w = watch(client, { tenant, campaign_group_guids: ['js-nobody'] });
    try {
      const message = await w.next();
      check(message.payload === 'heartbeat', `got ${message.payload}`);
      check(message.heartbeat.head_sequence >= 1 && message.resume_after_sequence === message.heartbeat.head_sequence,
        `head ${message.heartbeat.head_sequence} resume ${message.resume_after_sequence}`);
    } finally {
      w.cancel();
    }
  },

  async invalid_argument_details(client, tenant) {
    const n = notification(tenant, 'js-invalid');
    delete n.gsw_tenant_name;
    try {
      await report(client, n);
    } catch (error) {
      check(error.code === grpc.status.INVALID_ARGUMENT, `code ${error.code}`);
      check(error.details.includes('GSW_TENANT_NAME is required'), `details ${error.details}`);
      const bin = error.metadata.get('grpc-status-details-bin')[0];
      check(Buffer.isBuffer(bin) && bin.includes('type.googleapis.com/google.rpc.BadRequest') && bin.includes('GSW_TENANT_NAME'),
        'no google.rpc.BadRequest naming GSW_TENANT_NAME in grpc-status-details-bin');
      return;
    }
    throw new CaseFailed('no error');
  },
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const client = new campaign.CampaignStatusService(`${args.server_host}:${args.server_port}`, grpc.credentials.createInsecure());
  let passed = 0;
  let failed = 0;
  for (const [name, run] of Object.entries(cases)) {
    try {
      await run(client, args.tenant);
      console.log(`PASS ${name}`);
      passed++;
    } catch (error) {
      const reason = error.code !== undefined ? `${error.code} ${error.details}` : error.message;
      console.log(`FAIL ${name}: ${String(reason).replace(/\n/g, ' ')}`);
      failed++;
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  client.close();
  process.exit(failed ? 1 : 0);
}

main();
