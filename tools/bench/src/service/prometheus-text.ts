/** Samples of a Prometheus text exposition, keyed by `name{labels}` exactly as exposed. */
export type Samples = ReadonlyMap<string, number>;

/** Parses the text exposition format (comments skipped; one sample per line). */
export function parsePrometheusText(text: string): Samples {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** The sum of every sample of `name` (all label sets). */
export function total(samples: Samples, name: string): number {
  let sum = 0;
  for (const [key, value] of samples) if (key === name || key.startsWith(`${name}{`)) sum += value;
  return sum;
}
