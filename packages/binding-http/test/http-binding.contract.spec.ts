import { randomUUID } from 'node:crypto';
import { runBindingConformance } from '@twinlink/testkit';
import type { ObservedMessage, Observer } from '@twinlink/testkit';
import binding from '../src/index.js';
import type { ReceivedRequest } from './test-server.js';
import { TestServer } from './test-server.js';

// The endpoint must be known when the suite is declared, so the server starts with the module.
const server = new TestServer();
const port = await server.start();
afterAll(() => server.stop());

/** The request path of a `METHOD:/path` test address. */
const pathOf = (address: string): string => address.slice(address.indexOf(':') + 1);

/** Requests to one path that arrive after observing started, in arrival order. */
function observe(address: string): Promise<Observer> {
  const path = pathOf(address);
  let seen = server.received.length;
  const take = (): ReceivedRequest | undefined => {
    const index = server.received.findIndex((request, i) => i >= seen && request.url === path);
    if (index < 0) return undefined;
    seen = index + 1;
    return server.received[index];
  };
  return Promise.resolve({
    async next(timeoutMs: number): Promise<ObservedMessage> {
      const deadline = Date.now() + timeoutMs;
      for (let request = take(); ; request = take()) {
        if (request) {
          const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
          return { text: request.body.toString('utf8'), headers };
        }
        if (Date.now() > deadline) throw new Error(`No request to ${path} within ${timeoutMs} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => Promise.resolve(),
  });
}

runBindingConformance({
  binding,
  connectionType: 'http-push',
  endpoint: { host: '127.0.0.1', port },
  addresses: () => ({ target: `POST:/conformance/${randomUUID()}` }),
  connection: (endpoint, addresses) => ({
    id: `conformance-${randomUUID()}`,
    connectionType: 'http-push',
    connectionStatus: 'open',
    uri: `http://${endpoint.host}:${endpoint.port}`,
    sources: [],
    targets: [{ address: addresses.target, topics: ['_/_/things/twin/events'], authorizationContext: ['integration:conformance'] }],
    specificConfig: { parallelism: '2', idleTimeout: '5s' },
  }),
  observe,
  timeoutMs: 15_000,
});
