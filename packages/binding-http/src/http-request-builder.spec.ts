import { buildRequest } from './http-request-builder.js';
import { httpPushConfig } from './http-specific-config.js';

const config = httpPushConfig({}, { omitRequestBody: ['GET', 'DELETE'], requestTimeoutMs: 60_000 });
const text = (body: Uint8Array | undefined) => (body === undefined ? undefined : Buffer.from(body).toString('utf8'));

describe('buildRequest', () => {
  it('sends every header but the control headers, with the payload and its content type', () => {
    const request = buildRequest({ address: 'PUT:/t', headers: { 'X-Custom': 'v', 'http.PATH': '/p', 'http.query': 'q=1', 'Content-Type': 'application/json', Connection: 'close' }, textPayload: '{"a":1}' }, '/b', config);
    expect(request).toEqual({ method: 'PUT', path: '/p?q=1', headers: { 'x-custom': 'v', 'content-type': 'application/json' }, body: expect.any(Uint8Array) });
    expect(text(request.body)).toBe('{"a":1}');
  });

  it('prefers the bytes when a content type is given, and does not apply its charset to text', () => {
    const bytes = buildRequest({ address: 'POST:/t', headers: { 'content-type': 'application/cbor' }, bytePayload: Uint8Array.of(1, 2) }, '', config);
    expect(bytes.body).toEqual(Uint8Array.of(1, 2));
    const latin = buildRequest({ address: 'POST:/t', headers: { 'content-type': 'text/plain; charset=ISO-8859-1' }, textPayload: 'ä' }, '', config);
    expect(latin.body).toEqual(Uint8Array.of(0xc3, 0xa4));
  });

  it('defaults text to UTF-8 text/plain and bytes to application/octet-stream', () => {
    expect(buildRequest({ address: 'POST:/t', headers: {}, textPayload: 'hi' }, '', config).headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(buildRequest({ address: 'POST:/t', headers: {}, bytePayload: Uint8Array.of(1) }, '', config).headers['content-type']).toBe('application/octet-stream');
  });

  it('takes the message content type when no header carries one', () => {
    expect(buildRequest({ address: 'POST:/t', headers: {}, textPayload: '{}', contentType: 'application/json' }, '', config).headers['content-type']).toBe('application/json');
  });

  it('omits the body and the content type for GET and DELETE by default, or the configured methods', () => {
    const get = buildRequest({ address: 'GET:/t', headers: { 'content-type': 'application/json' }, textPayload: '{}' }, '', config);
    expect(get).toEqual({ method: 'GET', path: '/t', headers: {}, body: undefined });
    const custom = httpPushConfig({ omitRequestBody: 'POST' }, { omitRequestBody: ['GET'], requestTimeoutMs: 1 });
    expect(buildRequest({ address: 'POST:/t', headers: {}, textPayload: 'x' }, '', custom).body).toBeUndefined();
    expect(text(buildRequest({ address: 'GET:/t', headers: {}, textPayload: 'x' }, '', custom).body)).toBe('x');
    const none = httpPushConfig({ omitRequestBody: '' }, { omitRequestBody: ['GET'], requestTimeoutMs: 1 });
    expect(text(buildRequest({ address: 'GET:/t', headers: {}, textPayload: 'x' }, '', none).body)).toBe('x');
  });
});

describe('httpPushConfig', () => {
  it('rounds parallelism up to a power of two and parses idleTimeout', () => {
    const defaults = { omitRequestBody: ['GET'], requestTimeoutMs: 60_000 };
    expect(httpPushConfig({ parallelism: '3' }, defaults).parallelism).toBe(4);
    expect(httpPushConfig({ parallelism: '8' }, defaults).parallelism).toBe(8);
    expect(httpPushConfig({}, defaults)).toEqual({ parallelism: 1, omitRequestBody: new Set(['GET']), idleTimeoutMs: 60_000 });
    expect(httpPushConfig({ idleTimeout: '1500' }, defaults).idleTimeoutMs).toBe(1500);
    expect(httpPushConfig({ idleTimeout: '2s' }, defaults).idleTimeoutMs).toBe(2000);
  });
});
