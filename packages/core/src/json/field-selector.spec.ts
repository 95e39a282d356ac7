import { DittoError } from '../errors/ditto-error.js';
import { parseFieldSelector, selectFields } from './field-selector.js';

const THING = {
  thingId: 'a:b',
  attributes: { location: 'x', model: 'm', serial: 1 },
  features: { f1: { properties: { t: 1, h: 2 } }, f2: { properties: { t: 3 } }, f3: { definition: ['d'] } },
};

describe('field selectors', () => {
  it('parses pointers, sub-selections and wildcards', () => {
    expect(parseFieldSelector('thingId, attributes(location,model),features/*/properties/t')).toEqual([
      ['thingId'],
      ['attributes', 'location'],
      ['attributes', 'model'],
      ['features', '*', 'properties', 't'],
    ]);
    expect(parseFieldSelector('features(f1(properties/t),f2)')).toEqual([['features', 'f1', 'properties', 't'], ['features', 'f2']]);
  });

  it.each(['', 'a,,b', 'a(b', 'a)b(', '(b)', 'a(b)c'])('refuses %j with json.fieldselector.invalid', (text) => {
    expect(() => parseFieldSelector(text)).toThrow(DittoError);
    expect(() => parseFieldSelector(text)).toThrow(`The field selector <${text}> is invalid!`);
  });

  it('selects the named parts at their places and leaves missing ones out', () => {
    expect(selectFields(THING, parseFieldSelector('thingId,attributes(location,missing),nothing'))).toEqual({ thingId: 'a:b', attributes: { location: 'x' } });
    expect(selectFields(THING, parseFieldSelector('features/*/properties/t'))).toEqual({ features: { f1: { properties: { t: 1 } }, f2: { properties: { t: 3 } } } });
  });

  it('lets a whole selection win over a deeper one and shares the selected values', () => {
    const selected = selectFields(THING, parseFieldSelector('attributes/location,attributes')) as typeof THING;
    expect(selected).toEqual({ attributes: THING.attributes });
    expect(selected.attributes).toBe(THING.attributes);
  });

  it('merges a wildcard with a named key at the same level', () => {
    expect(selectFields(THING, parseFieldSelector('features/*/properties/t,features/f1/properties/h'))).toEqual({
      features: { f1: { properties: { t: 1, h: 2 } }, f2: { properties: { t: 3 } } },
    });
  });

  it('ends a path at an array unless told to go into its elements', () => {
    const connection = { id: 'c', sources: [{ addresses: ['a'], qos: 1 }, { addresses: ['b'] }], credentials: { type: 'x', cert: 'y' }, tags: ['x'] };
    expect(selectFields(connection, parseFieldSelector('sources/addresses'))).toEqual({});
    expect(selectFields(connection, parseFieldSelector('sources/addresses,tags'), { intoArrays: true })).toEqual({ sources: [{ addresses: ['a'] }, { addresses: ['b'] }], tags: ['x'] });
    expect(selectFields(connection, parseFieldSelector('credentials(type),missing'), { intoArrays: true })).toEqual({ credentials: { type: 'x' } });
  });

  it('returns a value that is not an object unchanged', () => {
    expect(selectFields(42, parseFieldSelector('a'))).toBe(42);
  });
});
