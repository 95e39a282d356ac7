import { createHash, createHmac } from 'node:crypto';
import type { JsonObject } from '@twinlink/core';
import { encodeAllButUnreserved, requiredParameter } from './http-request-signer.js';
import type { RequestSigner, SignableRequest } from './http-request-signer.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const CONTENT_SHA256 = 'x-amz-content-sha256';
type ContentSha256 = 'INCLUDED' | 'EXCLUDED' | 'UNSIGNED';

/**
 * `aws4-hmac-sha256` (AWS Signature Version 4), with Ditto's parameters: `region`, `service`,
 * `accessKey`, `secretKey`, `doubleEncode` (default true: path segments encoded twice, as every
 * AWS service but S3 expects), `canonicalHeaders` (default `["host"]`) and `xAmzContentSha256`
 * (`EXCLUDED` default; `INCLUDED` signs and sends the payload hash; `UNSIGNED` sends
 * `UNSIGNED-PAYLOAD`). Adds `x-amz-date` and the `authorization` header.
 */
export class Aws4Signer implements RequestSigner {
  private readonly region: string;
  private readonly service: string;
  private readonly accessKey: string;
  private readonly secretKey: string;
  private readonly doubleEncode: boolean;
  private readonly contentSha256: ContentSha256;
  private readonly signedHeaders: readonly string[];

  constructor(parameters: JsonObject) {
    const name = 'aws4-hmac-sha256';
    this.region = requiredParameter(parameters, 'region', name);
    this.service = requiredParameter(parameters, 'service', name);
    this.accessKey = requiredParameter(parameters, 'accessKey', name);
    this.secretKey = requiredParameter(parameters, 'secretKey', name);
    this.doubleEncode = parameters['doubleEncode'] !== false;
    const mode = String(parameters['xAmzContentSha256'] ?? 'EXCLUDED').toUpperCase();
    if (mode !== 'INCLUDED' && mode !== 'EXCLUDED' && mode !== 'UNSIGNED') {
      throw new TypeError("The HMAC credentials parameter 'xAmzContentSha256' must have one of the following as value: 'INCLUDED', 'EXCLUDED', 'UNSIGNED'.");
    }
    this.contentSha256 = mode;
    const configured = Array.isArray(parameters['canonicalHeaders']) ? parameters['canonicalHeaders'].map(String) : ['host'];
    const names = mode === 'EXCLUDED' ? configured : [...configured, CONTENT_SHA256];
    this.signedHeaders = [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))].sort();
  }

  sign(request: SignableRequest, now: Date): Record<string, string> {
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const scope = `${amzDate.slice(0, 8)}/${this.region}/${this.service}/aws4_request`;
    const payloadHash = this.contentSha256 === 'UNSIGNED' ? 'UNSIGNED-PAYLOAD' : sha256Hex(request.body ?? new Uint8Array());
    const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(this.canonicalRequest(request, amzDate, payloadHash))].join('\n');
    let key: Buffer = hmac(`AWS4${this.secretKey}`, amzDate.slice(0, 8));
    for (const part of [this.region, this.service, 'aws4_request']) key = hmac(key, part);
    const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
    // Unquoted auth parameters: AWS does not accept the quoted form of RFC 7235.
    const authorization = `${ALGORITHM} Credential=${this.accessKey}/${scope}, SignedHeaders=${this.signedHeaders.join(';')}, Signature=${signature}`;
    return {
      'x-amz-date': amzDate,
      ...(this.contentSha256 === 'EXCLUDED' ? {} : { [CONTENT_SHA256]: payloadHash }),
      authorization,
    };
  }

  /** The canonical request of SigV4, as Ditto builds it (host without port, its query encoding). */
  canonicalRequest(request: SignableRequest, amzDate: string, payloadHash: string): string {
    const question = request.path.indexOf('?');
    const path = question < 0 ? request.path : request.path.slice(0, question);
    const query = question < 0 ? '' : request.path.slice(question + 1);
    const headers = this.signedHeaders.map((name) => `${name}:${this.canonicalHeaderValue(name, request, amzDate, payloadHash)}\n`).join('');
    return [request.method, this.canonicalUri(path), canonicalQuery(query), headers, this.signedHeaders.join(';'), payloadHash].join('\n');
  }

  private canonicalHeaderValue(name: string, request: SignableRequest, amzDate: string, payloadHash: string): string {
    if (name === 'host') return request.host;
    if (name === 'x-amz-date') return amzDate;
    if (name === CONTENT_SHA256) return payloadHash;
    return (request.headers[name] ?? '').trim().replace(/\s+/g, ' ');
  }

  private canonicalUri(path: string): string {
    if (!this.doubleEncode) return path === '' ? '/' : path;
    const segments = path.split('/').filter((segment) => segment !== '');
    if (segments.length === 0) return '/';
    const encoded = segments.map((segment) => encodePathSegment(encodePathSegment(safeDecode(segment))));
    return `/${encoded.join('/')}${path.endsWith('/') ? '/' : ''}`;
  }
}

/** Pairs sorted by key, values by code point; `=` in values double-encoded as Ditto does. */
function canonicalQuery(query: string): string {
  if (query === '') return '';
  const byKey = new Map<string, string[]>();
  for (const pair of query.split('&').filter((p) => p !== '')) {
    const equals = pair.indexOf('=');
    const key = safeDecode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : safeDecode(pair.slice(equals + 1));
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => (byKey.get(key) ?? []).sort().map((value) => `${encodeAllButUnreserved(key)}=${encodeAllButUnreserved(value.replaceAll('=', '%3D'))}`))
    .join('&');
}

/** Encodes all but the characters a path segment may hold unescaped (RFC 3986 pchar). */
function encodePathSegment(segment: string): string {
  return encodeAllButUnreserved(segment).replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (escape) => decodeURIComponent(escape));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
