import { TextDecoder } from 'node:util';
import { BindingError, payloadKindOf } from '@twinlink/core';
import type { PublishOutcome } from '@twinlink/core';

/** The parts of an undici response the reader needs. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown; dump?(): Promise<void> };
}

/** Limits of reading a response body (bindings.md §5: size limit, 10 s read timeout). */
export interface ResponseLimits {
  readonly maxBytes: number;
  readonly readTimeoutMs: number;
}

/**
 * Turns a response into a publish outcome: the status, the headers (repeated ones joined with
 * `, `) and the body — text for JSON and text content types (decoded with the response charset,
 * UTF-8 by default), bytes otherwise. Non-2xx statuses are outcomes too; a status outside the
 * HTTP range, a body over the limit or a stalled body reject with a BindingError.
 */
export async function readResponse(response: HttpResponse, limits: ResponseLimits): Promise<PublishOutcome> {
  if (response.statusCode < 100 || response.statusCode > 599) {
    response.body.destroy();
    throw new BindingError('TWINLINK_ERR_HTTP_INVALID_STATUS', 'rejected', `The HTTP server answered with the invalid status ${response.statusCode}.`, { status: 503 });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const contentType = headers['content-type'];
  const outcome = { status: response.statusCode, headers, ...(contentType !== undefined ? { contentType } : {}) };
  // Nothing to read (204, 304 or an announced empty body): no read timer, no async iteration.
  if (response.statusCode === 204 || response.statusCode === 304 || headers['content-length'] === '0') {
    await response.body.dump?.();
    return outcome;
  }
  const bytes = await readBody(response.body, limits);
  if (bytes.byteLength === 0) return outcome;
  if (payloadKindOf(contentType) === 'binary') return { ...outcome, bytePayload: bytes };
  return { ...outcome, textPayload: decoderFor(contentType).decode(bytes) };
}

async function readBody(body: HttpResponse['body'], { maxBytes, readTimeoutMs }: ResponseLimits): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    body.destroy(new Error('read timeout'));
  }, readTimeoutMs);
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        body.destroy();
        throw new BindingError('TWINLINK_ERR_HTTP_RESPONSE_TOO_LARGE', 'rejected', `The HTTP response body exceeds ${maxBytes} bytes.`, { status: 503 });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BindingError) throw error;
    if (timedOut) throw new BindingError('TWINLINK_ERR_HTTP_RESPONSE_TIMEOUT', 'rejected', `The HTTP response body was not read within ${readTimeoutMs} ms.`, { status: 408 });
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = contentType === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}
