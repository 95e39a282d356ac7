import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { InboundMessage, OutboundMessage, Settlement } from '@twinlink/core';

/** What the control port exposes of one loopback client. */
export interface ControlTarget {
  /** Delivers a message to a consumer of its `sourceAddress`; undefined when none consumes it. */
  inject(message: InboundMessage): Promise<Settlement | undefined>;
  published(): readonly OutboundMessage[];
  clearPublished(): void;
  state(): Record<string, unknown>;
  /** Simulates the peer going away: the client reports a lost connection. */
  drop(): void;
}

/**
 * The HTTP control port of a loopback client, the "broker" tests talk to:
 * `POST /inbound` `{sourceAddress, headers?, textPayload?, contentType?}` → the settlement (404 when
 * nothing consumes the address); `GET /published` → published messages (bytes as base64);
 * `DELETE /published`; `GET /state`; `POST /drop` → connection lost.
 */
export function createControlServer(target: ControlTarget): Server {
  return createServer((request, response) => {
    handle(target, request, response).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });
}

async function handle(target: ControlTarget, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const route = `${request.method} ${request.url?.split('?')[0]}`;
  switch (route) {
    case 'POST /inbound': {
      const body = JSON.parse((await readBody(request)) || '{}') as Partial<InboundMessage>;
      const message: InboundMessage = {
        sourceAddress: String(body.sourceAddress ?? ''),
        headers: body.headers ?? {},
        ...(body.textPayload !== undefined ? { textPayload: body.textPayload, bytePayload: new TextEncoder().encode(body.textPayload) } : {}),
        ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
      };
      const settlement = await target.inject(message);
      return settlement ? reply(response, 200, settlement) : reply(response, 404, { error: `No consumer for '${message.sourceAddress}'.` });
    }
    case 'GET /published':
      return reply(response, 200, target.published().map((message) => ({ ...message, bytePayload: message.bytePayload ? Buffer.from(message.bytePayload).toString('base64') : undefined })));
    case 'DELETE /published':
      target.clearPublished();
      return reply(response, 204, undefined);
    case 'GET /state':
      return reply(response, 200, target.state());
    case 'POST /drop':
      reply(response, 202, {});
      target.drop();
      return;
    default:
      return reply(response, 404, { error: `Unknown route ${route}.` });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}
