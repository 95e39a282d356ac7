import { describeOutcome } from './outcome.js';
import type { SuiteResult } from './run-suite.js';

const HEADINGS = ['function', 'seed', 'cases', 'agreed', 'disagreed', 'excluded'] as const;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADINGS.map((_heading, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(rows[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)];
}

/**
 * The report: per function the disagreements (shortest inputs first, at most `show`), then the
 * excluded known differences with their reasons, then the summary table.
 */
export function formatReport(results: readonly SuiteResult[], show: number): string {
  const out: string[] = [];
  for (const result of results) {
    if (result.disagreements.length > 0) {
      out.push('', `${result.name}: ${result.disagreements.length} disagreement(s)${show < result.disagreements.length ? `, first ${show}` : ''}`);
      for (const d of result.disagreements.slice(0, show)) {
        out.push(`  input:  ${d.input}`, `  ours:   ${describeOutcome(d.ours)}`, `  Ditto:  ${describeOutcome(d.theirs)}`, '');
      }
    }
  }
  const reasons = results.flatMap((result) => [...result.exclusions].map(([reason, count]) => `  ${result.name} (${count}): ${reason}`));
  if (reasons.length > 0) out.push('', 'Excluded (known differences):', ...reasons);
  const rows = results.map((r) => [r.name, String(r.seed), String(r.cases), String(r.agreed), String(r.disagreements.length), String(r.excluded)]);
  out.push('', ...table([[...HEADINGS], ...rows]));
  return out.join('\n');
}
