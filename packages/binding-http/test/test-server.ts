import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request as the test server received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

/** A real HTTP(S) server on a free port that records requests and answers through `handler`. */
export class TestServer {
  readonly received: ReceivedRequest[] = [];
  /** Requests whose response has not been sent yet, and the most at once. */
  active = 0;
  maxActive = 0;
  private server: Server | undefined;

  constructor(public handler: Handler = (_, response) => void response.end()) {}

  async start(tls?: { cert: string; key: string }): Promise<number> {
    const listener = (request: IncomingMessage, response: ServerResponse) => void this.onRequest(request, response);
    this.server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
    this.received.push(received);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    response.on('close', () => (this.active -= 1));
    await this.handler(received, response);
  }
}
