import { readResponse, type HttpResponse } from './http-response-reader.js';

const LIMITS = { maxBytes: 1_000, readTimeoutMs: 1_000 };

function response(statusCode: number, headers: Record<string, string>, chunks: string[]): HttpResponse & { dumped: boolean; iterated: boolean } {
  const result = {
    statusCode,
    headers,
    dumped: false,
    iterated: false,
    body: {
      destroy: () => undefined,
      dump: async () => {
        result.dumped = true;
      },
      async *[Symbol.asyncIterator]() {
        result.iterated = true;
        for (const chunk of chunks) yield Buffer.from(chunk);
      },
    },
  };
  return result;
}

describe('readResponse', () => {
  it('answers a 204 without reading a body', async () => {
    const answer = response(204, { Server: 'sink' }, []);
    expect(await readResponse(answer, LIMITS)).toEqual({ status: 204, headers: { server: 'sink' } });
    expect(answer).toMatchObject({ dumped: true, iterated: false });
  });

  it('reads a JSON body as text with its content type', async () => {
    const answer = response(200, { 'content-type': 'application/json' }, ['{"a":', '1}']);
    expect(await readResponse(answer, LIMITS)).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, contentType: 'application/json', textPayload: '{"a":1}' });
    expect(answer.iterated).toBe(true);
  });

  it('refuses a body over the limit', async () => {
    await expect(readResponse(response(200, {}, ['x'.repeat(1_001)]), LIMITS)).rejects.toMatchObject({ code: 'TWINLINK_ERR_HTTP_RESPONSE_TOO_LARGE' });
  });
});
