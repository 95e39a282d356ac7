import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushedRequest, PushHandler } from './http-push-server.js';

/** A throwaway CA and a server certificate it signed for localhost / 127.0.0.1. */
export interface TestPki {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/** Generates a CA and a server certificate with openssl (EC P-256, one day), as the binding's own tests do. */
export function generatePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'twinlink-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=twinlink test CA');
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf');
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return { ca: read('ca.pem'), serverCert: read('server.pem'), serverKey: read('server.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real `node:https` server on a free loopback port that records every request it gets. */
export class HttpsRecorder {
  readonly received: PushedRequest[] = [];
  /** TLS handshakes the server saw fail (the client refused the certificate). */
  readonly tlsErrors: string[] = [];
  private server: Server | undefined;

  constructor(private readonly handler: PushHandler = (_, response) => void response.end()) {}

  async start(pki: TestPki): Promise<number> {
    const server = createServer({ cert: pki.serverCert, key: pki.serverKey }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const pushed = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.received.push(pushed);
        void this.handler(pushed, response as ServerResponse);
      });
    });
    server.on('tlsClientError', (error) => this.tlsErrors.push(error.message));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  /** Requests whose path starts with `prefix`. */
  to(prefix: string): PushedRequest[] {
    return this.received.filter((request) => request.url.startsWith(prefix));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The `parameters` of `aws4-hmac-sha256` credentials that {@link expectedAwsAuthorization} checks. */
export interface AwsParameters {
  readonly region: string;
  readonly service: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

/**
 * An independent SigV4 computation from what the server received, for canonical headers
 * `host`, `content-type` and `x-amz-date` plus the included payload hash. The path must need no
 * further encoding. The host is signed without the port, like the binding's own test expects.
 */
export function expectedAwsAuthorization(request: PushedRequest, p: AwsParameters): string {
  const amzDate = String(request.headers['x-amz-date']);
  const [path = '', query = ''] = request.url.split('?');
  const canonicalQuery = query === '' ? '' : query.split('&').sort().join('&');
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  const signed = 'content-type;host;x-amz-content-sha256;x-amz-date';
  const headers = `content-type:${request.headers['content-type']}\nhost:127.0.0.1\nx-amz-content-sha256:${payloadHash}\nx-amz-date:${amzDate}\n`;
  const canonical = [request.method, path, canonicalQuery, headers, signed, payloadHash].join('\n');
  const scope = `${amzDate.slice(0, 8)}/${p.region}/${p.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key = createHmac('sha256', `AWS4${p.secretKey}`).update(amzDate.slice(0, 8)).digest();
  for (const part of [p.region, p.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${p.accessKey}/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
}
