import { parsePrometheusText, total } from './prometheus-text.js';

describe('Prometheus text', () => {
  const text = [
    '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
    '# TYPE process_cpu_seconds_total counter',
    'process_cpu_seconds_total 1.25',
    'nodejs_gc_duration_seconds_sum{kind="minor"} 0.5',
    'nodejs_gc_duration_seconds_sum{kind="major"} 0.25',
    '',
  ].join('\n');

  it('reads samples with and without labels and sums a metric over its label sets', () => {
    const samples = parsePrometheusText(text);
    expect(total(samples, 'process_cpu_seconds_total')).toBe(1.25);
    expect(total(samples, 'nodejs_gc_duration_seconds_sum')).toBe(0.75);
    expect(total(samples, 'nodejs_gc_duration_seconds')).toBe(0);
  });
});
