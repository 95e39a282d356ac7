import { createServer, type Server } from 'node:http';
import { Pool } from 'undici';
import type { Generator } from './generator.js';
import type { PhaseRouter } from './phase-router.js';

/** An HTTP server answering every request 204 and booking its body (a Ditto Protocol envelope) or its `correlation-id` header. */
export class NoContentSink {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async listen(router: PhaseRouter): Promise<NoContentSink> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const header = request.headers['correlation-id'];
        if (typeof header === 'string') router.receiveId(header);
        else router.receiveJson(body);
        response.writeHead(204).end();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return new NoContentSink(server, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The baseline of the HTTP lanes: the generator POSTs straight to the sink over `connections` keep-alive connections. */
export class DirectHttpGenerator implements Generator {
  readonly producers = 1;
  private readonly pool: Pool;

  constructor(
    sinkUrl: string,
    connections: number,
    private readonly payload: (thing: number, id: string) => string,
  ) {
    this.pool = new Pool(sinkUrl, { connections });
  }

  send(_producer: number, id: string, thing: number): void {
    this.pool
      .request({ method: 'POST', path: '/events', headers: { 'content-type': 'application/json' }, body: this.payload(thing, id) })
      .then((response) => response.body.dump())
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
