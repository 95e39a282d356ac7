import {
  DittoHeaders,
  headerBoolean,
  headersForExternal,
  headersFromExternal,
  headerString,
  headerValue,
  isInternalHeader,
} from './headers.js';

describe('DittoHeaders', () => {
  it('looks names up case-insensitively and preserves the latest spelling', () => {
    const headers = DittoHeaders.of({ 'Correlation-ID': 'c-1', 'content-type': 'text/plain' });
    expect(headers.get('correlation-id')).toBe('c-1');
    expect(headers.has('CONTENT-TYPE')).toBe(true);
    headers.set('Content-Type', 'application/json');
    expect(headers.size).toBe(2);
    expect(headers.toObject()).toEqual({ 'Correlation-ID': 'c-1', 'Content-Type': 'application/json' });
    expect(headers.delete('CORRELATION-id')).toBe(true);
    expect([...headers]).toEqual([['Content-Type', 'application/json']]);
  });

  it('keeps __proto__ as an ordinary header', () => {
    const headers = new DittoHeaders().set('__proto__', 'x');
    const record = headers.toObject();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(headerValue(record, '__PROTO__')).toBe('x');
    expect(headerValue({}, '__proto__')).toBeUndefined();
    expect(headerValue({}, 'constructor')).toBeUndefined();
  });
});

describe('header helpers', () => {
  it('finds values case-insensitively in records', () => {
    expect(headerValue({ 'Reply-To': 'r' }, 'reply-to')).toBe('r');
    expect(headerValue({ 'reply-to': 'r' }, 'reply-to')).toBe('r');
    expect(headerValue({}, 'reply-to')).toBeUndefined();
  });

  it('renders and reads values', () => {
    expect(headerString('a')).toBe('a');
    expect(headerString(['a', 1])).toBe('["a",1]');
    expect(headerString(false)).toBe('false');
    expect(headerBoolean('TRUE')).toBe(true);
    expect(headerBoolean(false)).toBe(false);
    expect(headerBoolean('yes')).toBeUndefined();
  });
});

describe('internal headers (protocol.md §3)', () => {
  it.each(['ditto-origin', 'Ditto-Auth-Context', 'ditto-originator', 'channel', 'READ-SUBJECTS', 'subject', 'raw-request-url', 'timeout-access'])(
    '%s is internal',
    (name) => {
      expect(isInternalHeader(name)).toBe(true);
    },
  );

  it.each(['correlation-id', 'reply-to', 'content-type', 'x-ditto-custom', 'subjects'])('%s is not internal', (name) => {
    expect(isInternalHeader(name)).toBe(false);
  });

  it('never takes internal headers from external messages', () => {
    expect(
      headersFromExternal({ 'correlation-id': 'c', 'ditto-originator': 'x', 'Ditto-Origin': 'evil', channel: 'live', custom: 'k' }),
    ).toEqual({ 'correlation-id': 'c', custom: 'k' });
  });

  it('writes only ditto-originator of the internal headers and strips built-in ack labels', () => {
    expect(
      headersForExternal({
        'correlation-id': 'c',
        'ditto-originator': 'nginx:ditto',
        'ditto-auth-context': 'secret',
        'read-subjects': ['a'],
        'requested-acks': ['twin-persisted', 'conn:x', 'live-response', 'search-persisted'],
        custom: 1,
      }),
    ).toEqual({ 'correlation-id': 'c', 'ditto-originator': 'nginx:ditto', 'requested-acks': ['conn:x'], custom: 1 });
    expect(headersForExternal({ 'requested-acks': ['twin-persisted'] })).toEqual({});
  });
});
