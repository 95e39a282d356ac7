import fc from 'fast-check';

const leaf = fc.oneof(
  fc.constantFrom(0, 1, 42, -1, 4.5, 100, 1e15, 0.1, -0.5),
  fc.constantFrom('', 'a', 'Hello', 'hello', 'H*o', '42', 'a\nb', 'org.acme:t1', '2024-06-01T12:00:00Z', 'true'),
  fc.boolean(),
  fc.constant(null),
);

const value = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(fc.oneof(leaf, fc.record({ y: leaf })), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('x', 'y'), leaf, { maxKeys: 2 }) },
);

const fields = fc.dictionary(fc.constantFrom('a', 'b', 'n', 's', 'o', 'arr', 'z', 'p'), value, { maxKeys: 5 });

/** Thing JSON with attributes, a feature, special fields and values of every JSON type. */
export const thingJson: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      thingId: fc.constantFrom('org.acme:t1', 'ns:other'),
      policyId: fc.constantFrom('org.acme:p1'),
      definition: fc.constantFrom('org.acme:def:1.0'),
      attributes: fields,
      features: fc.record(
        { f: fc.record({ properties: fields, desiredProperties: fields, definition: fc.constantFrom(['a:b:1'], ['a:b:1', 'c:d:2']) }, { requiredKeys: [] }) },
        { requiredKeys: [] },
      ),
      _revision: fc.constantFrom(1, 7),
      _modified: fc.constantFrom('2020-01-01T00:00:00Z', '2999-01-01T00:00:00Z'),
      _created: fc.constantFrom('2019-05-05T10:00:00Z'),
    },
    { requiredKeys: ['thingId'] },
  );
