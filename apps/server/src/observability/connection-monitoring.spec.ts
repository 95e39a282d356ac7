import { ConnectionMonitoring } from './connection-monitoring.js';
import type { LogEntry } from './logs/log-entry.js';
import { PrometheusMetrics } from './metrics/prometheus-metrics.js';

const HOUR = 3_600_000;

function setup() {
  let now = new Date('2024-01-06T14:00:00Z');
  const forwarded: [string, LogEntry][] = [];
  const prometheus = new PrometheusMetrics();
  const monitoring = new ConnectionMonitoring({
    logDurationMs: HOUR,
    logCapacity: 10,
    prometheus,
    forwarder: { forward: (id, entry) => void forwarded.push([id, entry]), close: async () => undefined },
    now: () => now,
  });
  return { monitoring, prometheus, forwarded, tick: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('ConnectionMonitoring', () => {
  it('counts, logs while enabled and forwards every entry', async () => {
    const { monitoring, prometheus, forwarded } = setup();
    const recorder = monitoring.recorder('c1', 'mqtt');
    recorder.record({ direction: 'inbound', type: 'consumed', address: 'a', success: true });
    monitoring.enableLogs('c1');
    recorder.record({ direction: 'outbound', type: 'published', address: '_responses', success: false, message: 'broker down', correlationId: 'x' });
    const logs = monitoring.logsJson('c1', true).connectionLogs as unknown as LogEntry[];
    expect(logs).toEqual([{ correlationId: 'x', timestamp: '2024-01-06T14:00:00Z', category: 'response', type: 'published', level: 'failure', message: 'broker down', address: '_responses' }]);
    expect(forwarded.map(([, entry]) => entry.message)).toEqual(['Received signal.', 'broker down']);
    expect(monitoring.metricsJson('c1', true)).toMatchObject({ connectionMetrics: { inbound: { consumed: { success: { PT1M: 1 } } } } });
    const exported = await prometheus.registry.metrics();
    expect(exported).toContain('connection_messages_total{id="c1",type="mqtt",category="consumed",direction="inbound",level="success"} 1');
  });

  it('answers closed connections with null metrics and empty logs', () => {
    const { monitoring } = setup();
    monitoring.recorder('c1', 'mqtt').record({ direction: 'inbound', type: 'consumed', address: 'a', success: true });
    expect(monitoring.metricsJson('c1', false)).toEqual({ connectionMetrics: { inbound: null, outbound: null }, containsFailures: false, sourceMetrics: { addressMetrics: null }, targetMetrics: { addressMetrics: null } });
    expect(monitoring.logsJson('c1', false)).toEqual({ connectionLogs: [], enabledSince: null, enabledUntil: null });
  });

  it('forgets a deleted connection, including its Prometheus series', async () => {
    const { monitoring, prometheus } = setup();
    monitoring.recorder('c1', 'mqtt').record({ direction: 'inbound', type: 'consumed', address: 'a', success: true });
    monitoring.forget('c1');
    expect(await prometheus.registry.metrics()).not.toContain('id="c1"');
    expect(monitoring.metricsJson('c1', true)['containsFailures']).toBe(false);
  });
});
