import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One function's share of the profile's samples (self time). */
export interface ProfileEntry {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  readonly percent: number;
}

/** Where a script lives, short: the package and file, or the Node internal module. */
function shortLocation(frame: CallFrame): string {
  if (frame.url === '') return '(native)';
  const path = frame.url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  const tail = inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : path.replace(/^.*\/(packages|apps|tools)\//, '$1/');
  return `${tail}:${frame.lineNumber + 1}`;
}

/** The functions with the most self time in a `.cpuprofile` (as written by `node --cpu-prof`). */
export function topSelfTime(file: string, count: number): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfMicros = new Map<string, { frame: CallFrame; micros: number }>();
  let totalMicros = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    const micros = profile.timeDeltas[index] ?? 0;
    totalMicros += micros;
    if (frame === undefined) return;
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
    const entry = selfMicros.get(key) ?? { frame, micros: 0 };
    entry.micros += micros;
    selfMicros.set(key, entry);
  });
  return [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, count)
    .map(({ frame, micros }) => ({ name: frame.functionName === '' ? '(anonymous)' : frame.functionName, location: shortLocation(frame), selfMs: micros / 1000, percent: (micros / totalMicros) * 100 }));
}
