import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestPki } from '@twinlink/testkit';

/** A request as the server received it. */
export interface PushedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one request; may wait before answering (a slow server). */
export type PushHandler = (request: PushedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * The HTTP server an http-push connection of the service publishes to: a real `node:http` server on
 * a free loopback port (or `node:https` with the given certificate) that records every request, and
 * counts the requests it is answering at once.
 */
export class HttpPushServer {
  readonly received: PushedRequest[] = [];
  /** TLS handshakes the server saw fail (the client refused the certificate). */
  readonly tlsErrors: string[] = [];
  active = 0;
  maxActive = 0;
  private server: Server | undefined;

  constructor(
    private readonly handler: PushHandler = (_, response) => void response.end(),
    private readonly tls?: TestPki,
  ) {}

  async start(): Promise<number> {
    const listener = (request: IncomingMessage, response: ServerResponse) => void this.onRequest(request, response);
    const server = this.tls ? createHttpsServer({ cert: this.tls.serverCert, key: this.tls.serverKey }, listener) : createServer(listener);
    server.on('tlsClientError', (error: Error) => this.tlsErrors.push(error.message));
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

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    response.on('close', () => (this.active -= 1));
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const pushed = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
    this.received.push(pushed);
    await this.handler(pushed, response);
  }
}
