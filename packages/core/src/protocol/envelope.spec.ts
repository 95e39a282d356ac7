import { DittoError } from '../errors/ditto-error.js';
import { parseDittoProtocolMessage, serializeDittoProtocolMessage } from './envelope.js';

function errorOf(input: unknown): DittoError {
  try {
    parseDittoProtocolMessage(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DittoError);
    return e as DittoError;
  }
  throw new Error('expected a DittoError');
}

const MINIMAL = { topic: 'org.acme/s-1/things/twin/commands/retrieve', headers: {}, path: '/' };

describe('parseDittoProtocolMessage', () => {
  it('parses text and objects, keeping all known fields and ignoring unknown ones', () => {
    const full = {
      fields: 'thingId',
      timestamp: '2024-01-06T14:23:42.123Z',
      revision: 7,
      status: 200,
      extra: { attributes: { a: 1 } },
      value: { x: [1, null] },
      path: '/attributes',
      headers: { 'correlation-id': 'c-1', 'response-required': false, 'requested-acks': ['a:b'], version: 2, nothing: null },
      topic: MINIMAL.topic,
      unknown: 'ignored',
    };
    const parsed = parseDittoProtocolMessage(JSON.stringify(full));
    expect(parsed).toEqual({ ...full, unknown: undefined });
    expect('unknown' in parsed).toBe(false);
    expect(parseDittoProtocolMessage(full)).toEqual(parsed);
  });

  it('keeps a JSON null value as present and omits an absent value', () => {
    expect(parseDittoProtocolMessage({ ...MINIMAL, value: null })).toEqual({ ...MINIMAL, value: null });
    expect('value' in parseDittoProtocolMessage(MINIMAL)).toBe(false);
  });

  it.each([
    ['{', 'json.invalid'],
    ['', 'json.invalid'],
    ['[]', 'json.invalid'],
    ['null', 'json.invalid'],
    ['"text"', 'json.invalid'],
    ['42', 'json.invalid'],
    [[], 'json.invalid'],
    [null, 'json.invalid'],
    [undefined, 'json.invalid'],
    [42, 'json.invalid'],
  ])('rejects %p as %s', (input, code) => {
    const error = errorOf(input);
    expect(error.error).toBe(code);
    expect(error.status).toBe(400);
  });

  it.each(['topic', 'headers', 'path'])('requires %s', (field) => {
    const input: Record<string, unknown> = { ...MINIMAL };
    delete input[field];
    const error = errorOf(input);
    expect(error.error).toBe('json.field.missing');
    expect(error.message).toBe(`JSON did not include required </${field}> field!`);
    expect(errorOf({ ...MINIMAL, [field]: null }).error).toBe('json.field.missing');
  });

  it.each([
    ['topic', 1],
    ['path', {}],
    ['headers', []],
    ['headers', 'x'],
    ['status', '200'],
    ['status', 20.5],
    ['status', 99],
    ['status', 600],
    ['revision', 1.5],
    ['revision', '1'],
    ['timestamp', 1],
    ['fields', ['a']],
    ['extra', [1]],
  ])('rejects an ill-typed %s (%p) naming the field', (field, value) => {
    const error = errorOf({ ...MINIMAL, [field]: value });
    expect(error.error).toBe('json.invalid');
    expect(error.message).toContain(`</${field}>`);
  });

  it('accepts scalar and array header values but rejects object values', () => {
    expect(parseDittoProtocolMessage({ ...MINIMAL, headers: { a: 's', b: 1, c: true, d: null, e: [1, 'x', {}] } }).headers).toEqual({
      a: 's', b: 1, c: true, d: null, e: [1, 'x', {}],
    });
    const error = errorOf({ ...MINIMAL, headers: { nested: { a: 1 } } });
    expect(error.error).toBe('json.invalid');
    expect(error.message).toContain("'nested'");
  });

  it('keeps __proto__ keys as inert data', () => {
    const text = `{"topic":"${MINIMAL.topic}","headers":{"__proto__":"x","correlation-id":"c"},"path":"/","value":{"__proto__":{"polluted":true}}}`;
    const parsed = parseDittoProtocolMessage(text);
    expect(Object.getPrototypeOf(parsed.headers)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(parsed.headers, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(serializeDittoProtocolMessage(parsed)).toBe(text);
    // an object-valued __proto__ header is rejected like any object value
    expect(errorOf(`{"topic":"t","headers":{"__proto__":{"a":1}},"path":"/"}`).error).toBe('json.invalid');
  });

  it('handles huge strings and shortens echoed input in messages', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(parseDittoProtocolMessage({ ...MINIMAL, value: huge }).value).toBe(huge);
    const error = errorOf(`{${huge}`);
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('serializeDittoProtocolMessage', () => {
  it("writes Ditto's field order and omits absent fields", () => {
    const text = serializeDittoProtocolMessage({
      fields: 'f',
      timestamp: 't',
      revision: 1,
      status: 200,
      extra: {},
      value: 1,
      path: '/',
      headers: { a: 'b' },
      topic: 'x',
    });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['topic', 'headers', 'path', 'value', 'extra', 'status', 'revision', 'timestamp', 'fields']);
    expect(serializeDittoProtocolMessage({ topic: 't', headers: {}, path: '/' })).toBe('{"topic":"t","headers":{},"path":"/"}');
    expect(serializeDittoProtocolMessage({ topic: 't', headers: {}, path: '/', value: null })).toBe('{"topic":"t","headers":{},"path":"/","value":null}');
  });
});
