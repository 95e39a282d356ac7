import type { MemoryGrowth, MemoryReport } from '../run-memory.js';
import { fixed, markdownTable } from './markdown-table.js';

function row(g: MemoryGrowth): string[] {
  return [g.what, String(g.count), fixed(g.seconds, 1), fixed(g.baselineRssMiB), fixed(g.halfwayRssMiB), fixed(g.rssMiB), fixed(g.heapUsedMiB), fixed(g.growthMiB, 1), `${fixed(g.growthPerMiB, 1)} per ${g.per.toLocaleString('en')}`, `${fixed(g.marginalPerMiB, 1)} per ${g.per.toLocaleString('en')}`, g.target, g.note];
}

/** The memory report as markdown. */
export function memoryMarkdown(report: MemoryReport): string {
  return [
    '# memory: resident memory of the service',
    '',
    `${report.startedAt}, ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}. Growth is RSS after minus RSS before, each read 5 s after the last change from the service's /metrics; it includes one-off costs (V8's young generation growing to its configured 32 MB semi-spaces, caches filling). The marginal figure is the growth of the second half alone, scaled: what each further item costs.`,
    '',
    markdownTable(
      ['what', 'count', 'seconds to add', 'RSS before MiB', 'RSS halfway MiB', 'RSS after MiB', 'heap used MiB', 'growth MiB', 'growth MiB, scaled', 'marginal MiB (second half, scaled)', 'target', 'note'],
      report.measurements.map(row),
    ),
    '',
  ].join('\n');
}
