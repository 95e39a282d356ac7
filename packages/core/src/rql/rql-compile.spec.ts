import { compileRql, FALSE, TRUE, UNKNOWN } from './rql-compile.js';
import { parseRql } from './rql-parser.js';
import { formatInstant, resolveTimeValue } from './time-value.js';

const compiled = (filter: string) => compileRql(parseRql(filter));

describe('three-valued evaluation', () => {
  const thing = { thingId: 'a:b', attributes: { other: 1 } };

  it('makes predicates on properties related to unknown pointers unknown', () => {
    const unknown = [['attributes', 'location']];
    expect(compiled('eq(attributes/location,"kitchen")').test3({ thing }, unknown)).toBe(UNKNOWN);
    expect(compiled('eq(attributes/location/floor,1)').test3({ thing }, unknown)).toBe(UNKNOWN);
    expect(compiled('exists(attributes)').test3({ thing }, unknown)).toBe(UNKNOWN);
    expect(compiled('eq(attributes/other,1)').test3({ thing }, unknown)).toBe(TRUE);
    expect(compiled('eq(attributes/other,2)').test3({ thing }, unknown)).toBe(FALSE);
    expect(compiled('eq(features/f/properties/u,1)').test3({ thing }, [['features', '*', 'properties', 'u']])).toBe(UNKNOWN);
    expect(compiled('eq(features/f/properties/u,1)').test3({ thing }, [['features', '{{ feature:id }}']])).toBe(UNKNOWN);
    expect(compiled('eq(features/f/properties/u,1)').test3({ thing }, [['features', 'g']])).toBe(FALSE);
  });

  it('uses Kleene logic for and/or/not', () => {
    const unknown = [['attributes', 'x']];
    const t3 = (f: string): number => compiled(f).test3({ thing }, unknown);
    expect(t3('not(eq(attributes/x,1))')).toBe(UNKNOWN);
    expect(t3('and(eq(attributes/x,1),eq(attributes/other,1))')).toBe(UNKNOWN);
    expect(t3('and(eq(attributes/x,1),eq(attributes/other,2))')).toBe(FALSE);
    expect(t3('or(eq(attributes/x,1),eq(attributes/other,1))')).toBe(TRUE);
    expect(t3('or(eq(attributes/x,1),eq(attributes/other,2))')).toBe(UNKNOWN);
    expect(compiled('eq(attributes/x,1)').test({ thing })).toBe(false);
  });
});

describe('time values', () => {
  const now = new Date('2024-01-10T14:23:42.123Z'); // a Wednesday

  it('formats instants with a fraction only when non-zero', () => {
    expect(formatInstant(Date.UTC(2024, 0, 6, 14))).toBe('2024-01-06T14:00:00Z');
    expect(formatInstant(now.getTime())).toBe('2024-01-10T14:23:42.123Z');
  });

  it('applies offsets and truncations', () => {
    expect(resolveTimeValue('now', now)).toBe('2024-01-10T14:23:42.123Z');
    expect(resolveTimeValue('now_epoch_millis', now)).toBe(String(now.getTime()));
    expect(resolveTimeValue('now-1h', now)).toBe('2024-01-10T13:23:42.123Z');
    expect(resolveTimeValue('now+30', now)).toBe('2024-01-10T14:24:12.123Z');
    expect(resolveTimeValue('now-1w', now)).toBe('2024-01-03T14:23:42.123Z');
    expect(resolveTimeValue('now[h]', now)).toBe('2024-01-10T14:00:00Z');
    expect(resolveTimeValue('now-1h[d]', now)).toBe('2024-01-10T00:00:00Z');
    expect(resolveTimeValue('now[w]', now)).toBe('2024-01-08T00:00:00Z');
    expect(resolveTimeValue('now-1mo[mo]', now)).toBe('2023-12-01T00:00:00Z');
    expect(resolveTimeValue('now-1y[y]', now)).toBe('2023-01-01T00:00:00Z');
    expect(resolveTimeValue('now_epoch_millis[s]', now)).toBe(String(Math.floor(now.getTime() / 1000) * 1000));
    for (const bad of ['later', 'now +1h', 'now-1H', 'now-1.5h', 'now ', 'now[x]']) expect(resolveTimeValue(bad, now)).toBeUndefined();
  });
});
