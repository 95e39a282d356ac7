import { DittoError } from '../errors/ditto-error.js';
import { evaluateRql } from './evaluate-rql.js';

const thing = {
  thingId: 'org.acme:t1',
  policyId: 'org.acme:p',
  _revision: 5,
  _modified: '2024-01-01T00:00:00Z',
  _metadata: { x: 1 },
  attributes: {
    s: '42', n: 42, d: 4.5, b: true, z: null, o: { x: 1 }, str: 'Hello', ml: 'a\nb', e: '', ea: [], eo: {},
    arr: [1, 'x', { y: 2 }, null, [5]],
  },
  features: { f: { definition: ['a:b:1'], properties: { p: 1 }, desiredProperties: { p: 2 } } },
};
const now = new Date('2024-06-01T12:00:00.000Z');
const ev = (filter: string, t: object = thing): boolean => evaluateRql(filter, t, { now });

describe('evaluateRql', () => {
  it('compares numbers, numeric strings and like types naturally', () => {
    expect(ev('eq(attributes/n,42)')).toBe(true);
    expect(ev('eq(attributes/n,42.0)')).toBe(true);
    expect(ev('eq(attributes/n,"42")')).toBe(true);
    expect(ev('eq(attributes/s,42)')).toBe(true);
    expect(ev('eq(attributes/n,"4.2e1")')).toBe(true);
    expect(ev('eq(attributes/n," 42")')).toBe(false);
    expect(ev('gt(attributes/n,"5")')).toBe(true);
    expect(ev('gt(attributes/s,"5")')).toBe(false); // both strings: lexicographic
    expect(ev('gt(attributes/d,4)')).toBe(true);
    expect(ev('lt(attributes/n,42.5)')).toBe(true);
    expect(ev('ge(attributes/n,42)')).toBe(true);
    expect(ev('le(attributes/n,41)')).toBe(false);
    expect(ev('gt(attributes/b,false)')).toBe(true);
    expect(ev('eq(attributes/b,"true")')).toBe(true); // different types compare as text
    expect(ev('lt(attributes/str,"Z")')).toBe(true);
    expect(ev('eq(features/f/properties/p,true)')).toBe(false);
  });

  it('handles null as value and as field value', () => {
    expect(ev('eq(attributes/z,null)')).toBe(true);
    expect(ev('ne(attributes/z,null)')).toBe(false);
    expect(ev('ne(attributes/missing,null)')).toBe(true);
    expect(ev('ne(attributes/n,null)')).toBe(true);
    expect(ev('gt(attributes/n,null)')).toBe(false);
    expect(ev('le(attributes/z,null)')).toBe(false);
    expect(ev('eq(attributes/z,"x")')).toBe(false);
    expect(ev('ne(attributes/z,"x")')).toBe(true);
    expect(ev('in(attributes/z,1,"x")')).toBe(false);
    // Ditto fails on null inside in(); here null values simply never match.
    expect(ev('in(attributes/n,null,42)')).toBe(true);
    expect(ev('in(attributes/z,null)')).toBe(false);
  });

  it('ignores objects, expands arrays and does not index arrays by number', () => {
    expect(ev('eq(attributes/o,1)')).toBe(false);
    expect(ev('ne(attributes/o,1)')).toBe(true);
    expect(ev('like(attributes/o,"*")')).toBe(false);
    expect(ev('eq(attributes/arr,1)')).toBe(true);
    expect(ev('eq(attributes/arr,"x")')).toBe(true);
    expect(ev('eq(attributes/arr,5)')).toBe(true);
    expect(ev('eq(attributes/arr,null)')).toBe(true);
    expect(ev('eq(attributes/arr/y,2)')).toBe(true);
    expect(ev('ne(attributes/arr,1)')).toBe(false);
    expect(ev('in(attributes/arr,7,"x")')).toBe(true);
    expect(ev('eq(attributes/arr/0,1)')).toBe(false);
    expect(ev('exists(attributes/arr/0)')).toBe(false);
  });

  it('ne is true for absent properties', () => {
    expect(ev('ne(attributes/missing,1)')).toBe(true);
    expect(ev('eq(attributes/missing,1)')).toBe(false);
  });

  it('matches like/ilike globs fully, on the text of numbers and booleans, never across line breaks', () => {
    expect(ev('like(attributes/str,"H*o")')).toBe(true);
    expect(ev('like(attributes/str,"H?llo")')).toBe(true);
    expect(ev('like(attributes/str,"H**o")')).toBe(true);
    expect(ev('like(attributes/str,"h*")')).toBe(false);
    expect(ev('ilike(attributes/str,"h*")')).toBe(true);
    expect(ev('like(attributes/str,"H.*")')).toBe(false);
    expect(ev('like(attributes/str,"[H]ello")')).toBe(false);
    expect(ev('like(attributes/str,"Hel")')).toBe(false);
    expect(ev('like(attributes/n,"4*")')).toBe(true);
    expect(ev('like(attributes/d,"4.5")')).toBe(true);
    expect(ev('like(attributes/b,"t*")')).toBe(true);
    expect(ev('like(attributes/ml,"a*")')).toBe(false);
    expect(ev('like(attributes/ml,"a?b")')).toBe(false);
    expect(ev('like(attributes/e,"*")')).toBe(true);
    expect(ev('like(attributes/arr,"x")')).toBe(true);
    expect(ev('like(attributes/big,"1.0E20")', { attributes: { big: 1e20 } })).toBe(true);
    // Ditto matches JSON null against the identity text of an internal object; here null never matches.
    expect(ev('like(attributes/z,"*")')).toBe(false);
    expect(() => ev('like(attributes/n,42)')).toThrow('In the like predicate only string values are allowed.');
  });

  it('exists and empty', () => {
    expect(ev('exists(attributes/z)')).toBe(true);
    expect(ev('exists(attributes/missing)')).toBe(false);
    expect(ev('exists(attributes/o/x)')).toBe(true);
    expect(ev('exists(attributes/ea)')).toBe(true);
    expect(ev('exists(features/f)')).toBe(true);
    expect(ev('exists(thingId)')).toBe(true);
    // Ditto's exists does not see the special fields (_revision, _modified, _created, _namespace, _metadata).
    expect(ev('exists(_revision)')).toBe(false);
    expect(ev('exists(_namespace)')).toBe(false);
    expect(ev('exists(_metadata/x)')).toBe(true);
    for (const p of ['missing', 'z', 'e', 'ea', 'eo']) expect(ev(`empty(attributes/${p})`)).toBe(true);
    for (const p of ['n', 'b', 'str', 'o', 'arr']) expect(ev(`empty(attributes/${p})`)).toBe(false);
    expect(ev('empty(attributes/zero)', { attributes: { zero: 0, f: false } })).toBe(false);
    expect(ev('empty(attributes/f)', { attributes: { zero: 0, f: false } })).toBe(false);
  });

  it('combines with and/or/not', () => {
    expect(ev('and(eq(attributes/n,42),eq(attributes/b,true))')).toBe(true);
    expect(ev('and(eq(attributes/n,42),eq(attributes/b,false))')).toBe(false);
    expect(ev('or(eq(attributes/n,1), eq(attributes/b,true))')).toBe(true);
    expect(ev('not(eq(attributes/n,42))')).toBe(false);
  });

  it('looks up top-level fields, _namespace, leading slashes and placeholders', () => {
    expect(ev('eq(thingId,"org.acme:t1")')).toBe(true);
    expect(ev('eq(_namespace,"org.acme")')).toBe(true);
    expect(ev('eq(/attributes/n,42)')).toBe(true);
    expect(ev('eq(attributes/n/,42)')).toBe(true);
    expect(ev('eq(_metadata/x,1)')).toBe(true);
    expect(ev('eq(features/f/definition,"a:b:1")')).toBe(true);
    expect(ev('eq(features/f/desiredProperties/p,2)')).toBe(true);
    expect(ev('eq(thing:id,"org.acme:t1")')).toBe(true);
    expect(ev('eq(thing:name,"t1")')).toBe(true);
    expect(ev('eq(entity:namespace,"org.acme")')).toBe(true);
    const placeholders = (prefix: string, name: string): string | string[] | undefined =>
      prefix === 'topic' && name === 'action' ? 'modified' : prefix === 'feature' ? ['a', 'b'] : undefined;
    expect(evaluateRql('eq(topic:action,"modified")', {}, { placeholders })).toBe(true);
    expect(evaluateRql('eq(feature:id,"b")', {}, { placeholders })).toBe(true);
    expect(evaluateRql('exists(resource:path)', {}, { placeholders })).toBe(false);
  });

  it('resolves time: values against now (ISO text vs strings, epoch millis vs numbers)', () => {
    expect(ev('lt(_modified,time:now)')).toBe(true);
    expect(ev('lt(_modified,time:now-1y)')).toBe(false);
    expect(ev('eq(attributes/t,time:now)', { attributes: { t: '2024-06-01T12:00:00Z' } })).toBe(true);
    expect(ev('eq(attributes/t,time:now_epoch_millis)', { attributes: { t: now.getTime() } })).toBe(true);
    expect(ev('gt(attributes/t,time:now_epoch_millis-1h)', { attributes: { t: now.getTime() } })).toBe(true);
    // An unsupported time name behaves like null (as in Ditto).
    expect(ev('eq(attributes/z,time:bogus)')).toBe(true);
    expect(ev('ne(attributes/n,time:bogus)')).toBe(true);
  });

  it('rejects unknown properties and never reaches Object.prototype', () => {
    expect(() => ev('eq(a,1)')).toThrow(DittoError);
    expect(() => ev('eq(attributes,1)')).toThrow('Unknown property name: attributes');
    expect(() => ev('eq(features/f,1)')).toThrow(DittoError);
    expect(() => ev('eq(attributes//n,1)')).toThrow(DittoError);
    expect(ev('exists(attributes/__proto__)')).toBe(false);
    expect(ev('exists(attributes/constructor)')).toBe(false);
    expect(ev('eq(attributes/toString,1)')).toBe(false);
  });

  it('accepts a parsed node', () => {
    expect(evaluateRql({ type: 'exists', property: 'thingId' }, thing)).toBe(true);
  });
});
