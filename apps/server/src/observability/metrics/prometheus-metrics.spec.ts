import { PrometheusMetrics } from './prometheus-metrics.js';

describe('PrometheusMetrics', () => {
  it('exports the process figures operators and the benchmark read: CPU, memory, event-loop delay, GC', async () => {
    const text = await new PrometheusMetrics().registry.metrics();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_gc_duration_seconds']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('counts messages per connection and forgets a deleted connection', async () => {
    const metrics = new PrometheusMetrics();
    const count = metrics.counterOf('c1', 'mqtt');
    count('inbound', 'consumed', true);
    count('inbound', 'consumed', true);
    count('outbound', 'published', false);
    const text = await metrics.registry.metrics();
    expect(text).toContain('connection_messages_total{id="c1",type="mqtt",category="consumed",direction="inbound",level="success"} 2');
    expect(text).toContain('connection_messages_total{id="c1",type="mqtt",category="published",direction="outbound",level="failure"} 1');
    count('inbound', 'consumed', true);
    expect(await metrics.registry.metrics()).toContain('level="success"} 3');
    metrics.forget('c1');
    expect(await metrics.registry.metrics()).not.toContain('id="c1"');
  });
});
