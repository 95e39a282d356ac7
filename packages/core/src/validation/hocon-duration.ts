const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6, nano: 1e-6, nanos: 1e-6, nanosecond: 1e-6, nanoseconds: 1e-6,
  us: 1e-3, micro: 1e-3, micros: 1e-3, microsecond: 1e-3, microseconds: 1e-3,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, second: 1000, seconds: 1000,
  m: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/**
 * Parses a HOCON ("Typesafe Config") duration as used in `specificConfig`: `<number>[ ]<unit>`;
 * a bare number means milliseconds (bindings.md §3). Returns milliseconds, or `undefined` when
 * the text is not a duration.
 * @public
 */
export function parseConfigDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const factor = unit === '' ? 1 : UNITS[unit];
  return factor === undefined ? undefined : Number(amount) * factor;
}
