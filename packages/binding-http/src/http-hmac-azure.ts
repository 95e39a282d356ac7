import { createHmac } from 'node:crypto';
import type { JsonObject } from '@twinlink/core';
import { encodeAllButUnreserved, requiredParameter } from './http-request-signer.js';
import type { RequestSigner, SignableRequest } from './http-request-signer.js';

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

function base64Key(text: string, algorithm: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new TypeError(`The shared key of '${algorithm}' is not in Base64 scheme.`);
  return Buffer.from(text, 'base64');
}

/**
 * `az-monitor-2016-04-01` (Azure Monitor HTTP Data Collector API): HMAC-SHA256 with the Base64
 * `sharedKey` over method, content length, content type, `x-ms-date` and path; sent as
 * `Authorization: SharedKey <workspaceId>:<signature>` with the `x-ms-date` header.
 */
export class AzMonitorSigner implements RequestSigner {
  private readonly workspaceId: string;
  private readonly key: Buffer;

  constructor(parameters: JsonObject) {
    this.workspaceId = requiredParameter(parameters, 'workspaceId', 'az-monitor-2016-04-01');
    this.key = base64Key(requiredParameter(parameters, 'sharedKey', 'az-monitor-2016-04-01'), 'az-monitor-2016-04-01');
  }

  sign(request: SignableRequest, now: Date): Record<string, string> {
    const date = now.toUTCString();
    const question = request.path.indexOf('?');
    const resource = question < 0 ? request.path : request.path.slice(0, question);
    const stringToSign = [request.method, String(request.body?.byteLength ?? 0), request.headers['content-type'] ?? '', `x-ms-date:${date}`, resource].join('\n');
    const signature = createHmac('sha256', this.key).update(stringToSign, 'utf8').digest('base64');
    return { 'x-ms-date': date, authorization: `SharedKey ${this.workspaceId}:${signature}` };
  }
}

/**
 * `az-sasl` (Azure shared access signature): a token for the `endpoint` parameter (default: the
 * request host) valid for `ttl` (ISO-8601 or HOCON duration, default 7 days), signed with the
 * Base64 `sharedKey`; sent as `Authorization: SharedAccessSignature sr=…&sig=…&se=…&skn=…`.
 */
export class AzSaslSigner implements RequestSigner {
  private readonly keyName: string;
  private readonly key: Buffer;
  private readonly endpoint: string | undefined;
  private readonly ttlMs: number;

  constructor(parameters: JsonObject, parseDuration: (text: string) => number | undefined) {
    this.keyName = requiredParameter(parameters, 'sharedKeyName', 'az-sasl');
    this.key = base64Key(requiredParameter(parameters, 'sharedKey', 'az-sasl'), 'az-sasl');
    const endpoint = parameters['endpoint'];
    this.endpoint = typeof endpoint === 'string' && endpoint !== '' ? endpoint : undefined;
    const ttl = parameters['ttl'];
    const ttlMs = typeof ttl === 'string' ? (isoDurationMs(ttl) ?? parseDuration(ttl)) : undefined;
    if (ttl !== undefined && ttlMs === undefined) throw new TypeError(`The HMAC parameter 'ttl' of 'az-sasl' is not a duration: '${String(ttl)}'.`);
    this.ttlMs = ttlMs ?? SEVEN_DAYS_MS;
  }

  sign(request: SignableRequest, now: Date): Record<string, string> {
    return { authorization: `SharedAccessSignature ${this.token(this.endpoint ?? request.host, now)}` };
  }

  /** The SAS token for a resource at a point in time. */
  token(resource: string, now: Date): string {
    const expiry = Math.floor((now.getTime() + this.ttlMs) / 1000);
    const sr = encodeAllButUnreserved(resource);
    const signature = createHmac('sha256', this.key).update(`${sr}\n${expiry}`, 'utf8').digest('base64');
    return `sr=${sr}&sig=${encodeAllButUnreserved(signature)}&se=${expiry}&skn=${this.keyName}`;
  }
}

/** ISO-8601 durations of days and time (`P7D`, `PT15M`, `PT1H30M`), as Java's Duration.parse reads them. */
function isoDurationMs(text: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  const [, d = '0', h = '0', m = '0', s = '0'] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
}
