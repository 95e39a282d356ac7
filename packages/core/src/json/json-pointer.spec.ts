import { pointerOf, pointerSegments, valueAt, withValueAt } from './json-pointer.js';

describe('json pointer', () => {
  it('splits with or without a leading slash and treats "/" as the root', () => {
    expect(pointerSegments('/attributes/a')).toEqual(['attributes', 'a']);
    expect(pointerSegments('attributes/a')).toEqual(['attributes', 'a']);
    expect(pointerSegments('/')).toEqual([]);
    expect(pointerOf(['features', 'f'])).toBe('/features/f');
  });

  it('reads nested values and array elements, never prototype members', () => {
    const thing = { attributes: { list: [1, { x: 2 }] } };
    expect(valueAt(thing, ['attributes', 'list', '1', 'x'])).toBe(2);
    expect(valueAt(thing, ['attributes', 'missing'])).toBeUndefined();
    expect(valueAt(thing, ['attributes', 'list', 'x'])).toBeUndefined();
    expect(valueAt(thing, ['constructor'])).toBeUndefined();
    expect(valueAt(thing, ['__proto__'])).toBeUndefined();
  });

  it('writes a value at a path without touching the input or Object.prototype', () => {
    const input = { attributes: { a: 1 } };
    const output = withValueAt(input, ['attributes', 'b', 'c'], 2);
    expect(output).toEqual({ attributes: { a: 1, b: { c: 2 } } });
    expect(input).toEqual({ attributes: { a: 1 } });
    withValueAt({}, ['__proto__', 'polluted'], true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
