import { DittoError } from '../errors/ditto-error.js';
import { MAX_RQL_DEPTH, parseRql } from './rql-parser.js';

function errorOf(filter: string): DittoError {
  try {
    parseRql(filter);
  } catch (e) {
    if (e instanceof DittoError) return e;
    throw e;
  }
  throw new Error(`expected ${filter} to be rejected`);
}

describe('parseRql', () => {
  it('parses every operator into the AST', () => {
    for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike'] as const) {
      expect(parseRql(`${op}(attributes/a,"x")`)).toEqual({
        type: 'comparison', operator: op, property: 'attributes/a', value: { type: 'string', value: 'x' },
      });
    }
    expect(parseRql('in(a,1,2.5,"s",\'t\',true,false,null,time:now)')).toEqual({
      type: 'in',
      property: 'a',
      values: [
        { type: 'number', value: 1, integer: true },
        { type: 'number', value: 2.5, integer: false },
        { type: 'string', value: 's' },
        { type: 'string', value: 't' },
        { type: 'boolean', value: true },
        { type: 'boolean', value: false },
        { type: 'null' },
        { type: 'time', name: 'now' },
      ],
    });
    expect(parseRql('and(exists(a),or(empty(b)),not(eq(c,1)))')).toEqual({
      type: 'and',
      children: [
        { type: 'exists', property: 'a' },
        { type: 'or', children: [{ type: 'empty', property: 'b' }] },
        { type: 'not', child: { type: 'comparison', operator: 'eq', property: 'c', value: { type: 'number', value: 1, integer: true } } },
      ],
    });
  });

  it('allows whitespace only at the start, after values and after commas between sub-queries', () => {
    expect(() => parseRql(' \t\n eq(a,1)')).not.toThrow();
    expect(() => parseRql('eq(a,1 )')).not.toThrow();
    expect(() => parseRql('and(eq(a,1),\n eq(b,2))')).not.toThrow();
    expect(() => parseRql('in(a,1 ,2)')).not.toThrow();
    // A space before the comma belongs to the property name.
    expect(parseRql('eq(a ,1)')).toMatchObject({ property: 'a ' });
    expect(parseRql('exists( a)')).toMatchObject({ property: ' a' });
    expect(errorOf('eq(a, 1)').message).toMatch(/^Invalid input ' ', expected DoubleLiteral, .* \(line 1, column 6\)/);
    expect(errorOf('eq(a,1) ').message).toMatch(/^Invalid input ' ', expected 'EOI' \(line 1, column 8\)/);
    expect(errorOf('and(eq(a,1) ,eq(b,2))').message).toMatch(/expected ws or '\)' \(line 1, column 12\)/);
    expect(errorOf('in(a,1, 2)').message).toMatch(/column 8/);
    expect(errorOf('not(eq(a,1) )').message).toMatch(/expected '\)' \(line 1, column 12\)/);
  });

  it('reports syntax errors as rql.expression.invalid with line, column and the caret', () => {
    const error = errorOf('eq(a,test)');
    expect(error.status).toBe(400);
    expect(error.error).toBe('rql.expression.invalid');
    expect(error.message).toBe("Invalid input 'e', expected 'i' or 'r' (line 1, column 7):\neq(a,test)\n      ^");
    expect(errorOf('').message).toMatch(/^Unexpected end of input, expected WhiteSpace or Query \(line 1, column 1\)/);
    expect(errorOf('EQ(a,1)').message).toMatch(/column 1/);
    expect(errorOf('eq(thingId,foo:bar)').message).toMatch(/column 13/);
    expect(errorOf('in(a)').message).toMatch(/expected NormalChar, '\\' or MultiComparisonValues \(line 1, column 5\)/);
    expect(errorOf('not(eq(a,1),eq(b,1))').message).toMatch(/column 12/);
    expect(errorOf('and()').message).toMatch(/column 5/);
    expect(errorOf('eq(a(b),1)').message).toMatch(/column 7/);
    expect(errorOf('and(eq(a,1),\neq(b,2)x').message).toMatch(/line 2, column 8/);
  });

  it('follows the number grammar: 64-bit longs, doubles with digits on both sides, no exponent', () => {
    expect(parseRql('eq(a,+42)')).toMatchObject({ value: { value: 42, integer: true } });
    expect(parseRql('eq(a,-0.0)')).toMatchObject({ value: { value: -0, integer: false } });
    expect(parseRql('eq(a,9223372036854775807)')).toMatchObject({ value: { integer: true } });
    expect(parseRql('eq(a,-9223372036854775808)')).toMatchObject({ value: { integer: true } });
    expect(parseRql('eq(a,12345678901234567890.5)')).toMatchObject({ value: { integer: false } });
    expect(errorOf('eq(a,9223372036854775808)').message).toMatch(/does not fit a signed 64-bit integer/);
    expect(errorOf('eq(a,-0)').message).toMatch(/expected Frac \(line 1, column 8\)/);
    expect(errorOf('eq(a,1e5)').message).toMatch(/expected Digits, Frac, WhiteSpace or '\)' \(line 1, column 7\)/);
    expect(errorOf('eq(a,1.)').message).toMatch(/expected Digits \(line 1, column 8\)/);
    expect(errorOf('eq(a,.5)').message).toMatch(/column 6/);
    expect(errorOf('eq(a,00)').message).toMatch(/column 7/);
    expect(errorOf('eq(a,01.5)').message).toMatch(/column 7/);
  });

  it('decodes escapes in both string kinds and in properties', () => {
    expect(parseRql('eq(a,"x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9")')).toMatchObject({ value: { value: 'x"\\/\b\f\n\r\té' } });
    expect(parseRql("eq(a,'it\\'s')")).toMatchObject({ value: { value: "it's" } });
    expect(parseRql('eq(a\\u0041,1)')).toMatchObject({ property: 'aA' });
    expect(errorOf('eq(a,"it\\\'s")').message).toMatch(/expected QuoteBackslashSlash/);
    expect(errorOf("eq(a,'\\\"')").message).toMatch(/expected SingleQuoteBackslashSlash/);
    expect(errorOf('eq(a,"\\u12")').message).toMatch(/expected HexDigit \(line 1, column 11\)/);
    expect(errorOf('eq(a\\q,1)').message).toMatch(/column 6/);
    expect(errorOf('eq(a,"abc').message).toMatch(/^Unexpected end of input/);
    expect(errorOf("eq(a,'x'y)").message).toMatch(/column 9/);
  });

  it('accepts only time: placeholders, true, false and null as unquoted values', () => {
    expect(parseRql('eq(a,time:now-1h)')).toMatchObject({ value: { type: 'time', name: 'now-1h' } });
    expect(parseRql('eq(a,true )')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(parseRql('eq(,1)')).toMatchObject({ property: '' });
    expect(errorOf('eq(a,truex)').message).toMatch(/column 10/);
    expect(errorOf('eq(a,header:x)').error).toBe('rql.expression.invalid');
  });

  it('rejects deep nesting cleanly and stays linear on long input', () => {
    const deep = 'not('.repeat(MAX_RQL_DEPTH + 5) + 'exists(a)' + ')'.repeat(MAX_RQL_DEPTH + 5);
    expect(errorOf(deep).message).toMatch(/nesting deeper than 100 levels/);
    const wide = `or(${Array.from({ length: 20000 }, (_, i) => `eq(a,${i})`).join(',')})`;
    const started = Date.now();
    expect(parseRql(wide)).toMatchObject({ type: 'or' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errorOf('('.repeat(100000)).error).toBe('rql.expression.invalid');
  });

  it('throws only DittoErrors, whatever the input', () => {
    expect(errorOf(42 as unknown as string).error).toBe('rql.expression.invalid');
    for (const junk of ['\u0000', '\\', 'eq(a,"\\u', 'in(a,', 'like(__proto__,"x"', ')'.repeat(10)]) {
      expect(errorOf(junk)).toBeInstanceOf(DittoError);
    }
  });
});
