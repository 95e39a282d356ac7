import type { LaneName } from '../scenarios/lane.js';
import { fixed, markdownTable, median } from './markdown-table.js';
import type { LaneRound, ThroughputReport } from './throughput-report.js';

const LANES: readonly LaneName[] = ['broker-only', 'passthrough', 'full'];

function roundRow(r: LaneRound): string[] {
  const s = r.service;
  return [String(r.round), r.lane, fixed(r.maxRate), fixed(r.ratio, 2), String(r.closed.sent), String(r.closed.lost), String(r.closed.duplicated), String(r.closed.reordered), fixed(s?.cpuMicrosPerMessage, 1), fixed(s?.cpuCores, 2), fixed(s?.rssMiB), fixed(s?.heapUsedMiB), fixed(s?.eventLoopP99Ms, 1), fixed(s?.gcPercent, 1)];
}

/** One line per lane and round, printed while the run goes on. */
export function roundLine(r: LaneRound): string {
  const half = r.open.find((p) => p.load === 0.5);
  const service = r.service === undefined ? '' : `, service ${fixed(r.service.cpuMicrosPerMessage, 1)} µs/msg, ${fixed(r.service.rssMiB)} MiB`;
  return `round ${r.round} ${r.lane.padEnd(11)} ${fixed(r.maxRate).padStart(7)} msg/s (×${fixed(r.ratio, 2)} broker-only), lost ${r.closed.lost}, dup ${r.closed.duplicated}, reordered ${r.closed.reordered}${half === undefined ? '' : `, p99 at 50 % ${fixed(half.latency.p99, 2)} ms`}${service}`;
}

function summaryRows(report: ThroughputReport): string[][] {
  return LANES.flatMap((lane) => {
    const rounds = report.rounds.filter((r) => r.lane === lane);
    if (rounds.length === 0) return [];
    const p99At = (load: number): number => median(rounds.flatMap((r) => r.open.filter((p) => p.load === load).map((p) => p.latency.p99)));
    const lost = rounds.reduce((sum, r) => sum + r.closed.lost + r.open.reduce((s, p) => s + p.counts.lost, 0), 0);
    return [[lane, fixed(median(rounds.map((r) => r.maxRate))), fixed(median(rounds.map((r) => r.ratio)), 2), fixed(p99At(0.25), 2), fixed(p99At(0.5), 2), fixed(p99At(0.75), 2), String(lost), fixed(median(rounds.flatMap((r) => (r.service ? [r.service.cpuMicrosPerMessage] : []))), 1)]];
  });
}

/** The whole report as markdown: summary, rounds, latencies, settings. */
export function throughputMarkdown(report: ThroughputReport): string {
  const lanes = [...new Map(report.rounds.map((r) => [r.lane, r.path])).entries()].map(([lane, path]) => `- **${lane}**: ${path}`);
  const latencyRows = report.rounds.flatMap((r) => r.open.map((p) => [String(r.round), r.lane, `${p.load * 100} %`, fixed(p.rate), fixed(p.latency.p50, 2), fixed(p.latency.p99, 2), fixed(p.latency.p999, 2), fixed(p.latency.max, 2), String(p.counts.lost), String(p.counts.duplicated), String(p.counts.reordered)]));
  return [
    `# ${report.scenario}: ${report.title}`,
    '',
    `${report.startedAt}, ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}. Settings: ${Object.entries(report.settings).map(([k, v]) => `${k}=${v}`).join(', ')}.`,
    '',
    ...lanes,
    '',
    '## Summary (median over rounds)',
    '',
    markdownTable(['lane', 'max msg/s', '× broker-only', 'p99 ms @25 %', 'p99 ms @50 %', 'p99 ms @75 %', 'lost (all phases)', 'service CPU µs/msg'], summaryRows(report)),
    '',
    '## Closed loop (maximum rate), per round',
    '',
    markdownTable(['round', 'lane', 'msg/s', '× broker-only', 'sent', 'lost', 'dup', 'reordered', 'CPU µs/msg', 'CPU cores', 'RSS MiB', 'heap used MiB', 'event loop p99 ms', 'GC %'], report.rounds.map(roundRow)),
    '',
    '## Open loop (latency from intended send time), per round',
    '',
    markdownTable(['round', 'lane', 'load', 'msg/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'lost', 'dup', 'reordered'], latencyRows),
    '',
  ].join('\n');
}
