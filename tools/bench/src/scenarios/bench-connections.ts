import { BENCH_SUBJECT } from './coffee-brewer.js';

/** Topic filter the devices publish below. */
export const INGEST_FILTER = 'bench/in/#';
/** Topic filter of everything the service (or the broker-only lane) delivers. */
export const SINK_FILTER = 'bench/out/#';

const BOTH_CHANNELS = ['_/_/things/twin/events', '_/_/things/live/events'];

/**
 * The devices' connection: one MQTT 5 source, enforcement of the `device_id` header against the
 * thing id; at QoS 1 a message is settled only once its twin change is persisted.
 */
export function ingestConnection(url: string, qos: 0 | 1): Record<string, unknown> {
  return {
    id: 'bench-ingest',
    name: 'bench-ingest',
    connectionType: 'mqtt-5',
    connectionStatus: 'open',
    uri: url,
    sources: [{
      addresses: [INGEST_FILTER],
      qos,
      authorizationContext: [BENCH_SUBJECT],
      enforcement: { input: '{{ header:device_id }}', filters: ['{{ thing:id }}'] },
      acknowledgementRequests: { includes: qos === 1 ? ['twin-persisted'] : [] },
    }],
    targets: [],
  };
}

/**
 * The applications' connection: twin and live events of every thing, published per thing. A second
 * connection because a connection does not receive the events of its own commands.
 */
export function mqttEgressConnection(url: string, qos: 0 | 1): Record<string, unknown> {
  return {
    id: 'bench-egress',
    name: 'bench-egress',
    connectionType: 'mqtt-5',
    connectionStatus: 'open',
    uri: url,
    sources: [],
    targets: [{ address: 'bench/out/{{ thing:id }}', topics: BOTH_CHANNELS, qos, authorizationContext: [BENCH_SUBJECT] }],
  };
}

/** Events pushed to an HTTP endpoint, `parallelism` requests in flight. */
export function httpEgressConnection(url: string, parallelism: number): Record<string, unknown> {
  return {
    id: 'bench-push',
    name: 'bench-push',
    connectionType: 'http-push',
    connectionStatus: 'open',
    uri: url,
    specificConfig: { parallelism: String(parallelism) },
    sources: [],
    targets: [{ address: 'POST:/events/{{ thing:id }}', topics: BOTH_CHANNELS, authorizationContext: [BENCH_SUBJECT] }],
  };
}
