import { createHash, createHmac } from 'node:crypto';

/** What a test server received, as far as a SigV4 check needs it. */
export interface SignedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string | Buffer;
}

/** The `parameters` of `aws4-hmac-sha256` credentials. */
export interface Aws4Parameters {
  readonly region: string;
  readonly service: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

/**
 * An independent AWS SigV4 computation from a received request, to compare a binding's
 * `authorization` header with: canonical headers `content-type`, `host` (127.0.0.1, without the
 * port), `x-amz-content-sha256` and `x-amz-date`. The path must need no further encoding.
 */
export function expectedAws4Authorization(request: SignedRequest, p: Aws4Parameters): string {
  const amzDate = String(request.headers['x-amz-date']);
  const [path = '', query = ''] = request.url.split('?');
  const canonicalQuery = query === '' ? '' : query.split('&').sort().join('&');
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  const signed = 'content-type;host;x-amz-content-sha256;x-amz-date';
  const headers = `content-type:${String(request.headers['content-type'])}\nhost:127.0.0.1\nx-amz-content-sha256:${payloadHash}\nx-amz-date:${amzDate}\n`;
  const canonical = [request.method, path, canonicalQuery, headers, signed, payloadHash].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${p.region}/${p.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key = createHmac('sha256', `AWS4${p.secretKey}`).update(amzDate.slice(0, 8)).digest();
  for (const part of [p.region, p.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${p.accessKey}/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
}
