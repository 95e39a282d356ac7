import fc from 'fast-check';

/** Properties the generated things have (and some they do not, and some that are not allowed). */
export const RQL_PROPERTIES = [
  'attributes/a', 'attributes/b', 'attributes/n', 'attributes/s', 'attributes/o/x', 'attributes/arr', 'attributes/z',
  'attributes/missing', '/attributes/a', 'attributes/a/', 'features/f/properties/p', 'features/f/desiredProperties/p',
  'features/f/definition', 'features/f', 'features/*/properties/p', 'thingId', 'policyId', '_namespace', '_revision', '_modified',
  '_created', '_metadata/x', 'definition', 'attributes', 'foo', 'attributes//a', 'thing:id', 'time:now',
] as const;

const stringValue = fc
  .string({ unit: fc.constantFrom('a', 'b', 'H', 'e', 'l', 'o', '*', '?', ' ', ':', '.', '1', '\\', "'", '"', '\n'), maxLength: 6 })
  .chain((text) =>
    fc.constantFrom(`"${text.replace(/["\\]/g, '')}"`, `'${text.replace(/['\\]/g, '')}'`, `"${text.replace(/"/g, '\\"')}"`),
  );

/** RQL literal values: numbers, strings, booleans, null, `time:` values and some invalid ones. */
export const rqlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '42', '-1', '4.5', '1e2', '1.0E20', '007', '-0', '9223372036854775808', '0.1') },
  { weight: 4, arbitrary: stringValue },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null') },
  { weight: 1, arbitrary: fc.constantFrom('time:now', 'time:now-1y', 'time:now_epoch_millis', 'time:bogus', '"org.acme:t1"', '"org.acme"') },
  { weight: 1, arbitrary: fc.constantFrom('abc', '1.', '.5', '+1', '"unterminated', 'True', '', '1_000') },
);

const property = fc.constantFrom(...RQL_PROPERTIES);

/** RQL filters over every operator, nested with and/or/not (depth-limited). */
export const rqlFilter: fc.Arbitrary<string> = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom('eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike'), property, rqlValue)
      .map(([op, p, v]) => `${op}(${p},${v})`),
    fc.tuple(property, fc.array(rqlValue, { minLength: 1, maxLength: 3 })).map(([p, vs]) => `in(${p},${vs.join(',')})`),
    fc.tuple(fc.constantFrom('exists', 'exists', 'exists', 'empty'), property).map(([op, p]) => `${op}(${p})`),
    tie('filter').map((f) => `not(${f})`),
    fc
      .tuple(fc.constantFrom('and', 'or'), fc.array(tie('filter'), { minLength: 1, maxLength: 3 }))
      .map(([op, fs]) => `${op}(${fs.join(',')})`),
  ),
})).filter;

/** Edits that break (or not) a filter: delete, insert or replace one character. */
function mutate(filter: string, position: number, edit: number, char: string): string {
  const at = filter.length === 0 ? 0 : position % (filter.length + 1);
  if (edit === 0) return filter.slice(0, at) + filter.slice(at + 1);
  if (edit === 1) return filter.slice(0, at) + char + filter.slice(at);
  return filter.slice(0, at) + char + filter.slice(at + 1);
}

/** Filters for the parser: valid ones, one-character edits of them, whitespace variants, junk. */
export const rqlParserInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: rqlFilter },
  {
    weight: 4,
    arbitrary: fc
      .tuple(rqlFilter, fc.nat(), fc.integer({ min: 0, max: 2 }), fc.constantFrom('(', ')', ',', ' ', '"', "'", 'x', '1', '/', '\\', ':', '\t', 'é'))
      .map(([filter, position, edit, char]) => mutate(filter, position, edit, char)),
  },
  { weight: 1, arbitrary: rqlFilter.map((filter) => filter.replace(/,/g, ' , ').replace(/\(/g, '( ')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom('eq', 'and', 'not', '(', ')', ',', 'attributes/a', '1', '"x"', ' ', 'exists', 'null'), { maxLength: 10 })
      .map((tokens) => tokens.join('')),
  },
);
