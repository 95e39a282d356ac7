import { loopbackConnection } from './support/connections.js';
import { USER } from './support/http-client.js';
import { loopbackPublished } from './support/loopback-control.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const POLICY = {
  entries: {
    owner: {
      subjects: { 'nginx:ditto': { type: 'user' }, 'integration:app': { type: 'app' } },
      resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'message:/': { grant: ['READ', 'WRITE'], revoke: [] } },
    },
  },
};

const LIMIT = 250 * 1024;

describe('HTTP live messages over the message size limit', () => {
  let service: ServiceProcess;
  let appPort: number;

  beforeAll(async () => {
    service = await ServiceProcess.start();
    appPort = await freePort();
    expect((await service.call('PUT', '/api/2/policies/org.acme:big', { auth: USER, body: POLICY })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/things/org.acme:big', { auth: USER, body: { policyId: 'org.acme:big', features: { lamp: {} } } })).status).toBe(201);
    const app = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${appPort}`,
      targets: [{ address: 'messages/{{ header:correlation-id }}', topics: ['_/_/things/live/messages'], authorizationContext: ['integration:app'] }],
    });
    expect((await service.call('PUT', '/api/2/connections/app', { body: app })).status).toBe(201);
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it.each([
    ['thing inbox', '/api/2/things/org.acme:big/inbox/messages/upload'],
    ['thing outbox', '/api/2/things/org.acme:big/outbox/messages/upload'],
    ['feature inbox', '/api/2/things/org.acme:big/features/lamp/inbox/messages/upload'],
    ['feature outbox', '/api/2/things/org.acme:big/features/lamp/outbox/messages/upload'],
  ])('%s: answers 413 messages:payload.toolarge and routes nothing', async (_name, path) => {
    const body = 'x'.repeat(LIMIT + 1);
    const answer = await service.call('POST', `${path}?timeout=0`, { auth: USER, headers: { 'content-type': 'text/plain', 'correlation-id': `big-${_name}` }, body });
    expect(answer.status).toBe(413);
    expect(answer.json()).toEqual({
      status: 413,
      error: 'messages:payload.toolarge',
      message: "The message payload size of '250' kB exceeds the maximal allowed size of '250' kB.",
      description: 'Reduce the message payload in the bounds of the specified limit',
    });
    expect(await loopbackPublished(appPort)).toEqual([]);
  });

  it('routes a message of exactly the limit', async () => {
    const answer = await service.call('POST', '/api/2/things/org.acme:big/inbox/messages/upload?timeout=0', { auth: USER, headers: { 'content-type': 'text/plain', 'correlation-id': 'at-limit' }, body: 'x'.repeat(LIMIT) });
    expect(answer.status).toBe(202);
    const published = await loopbackPublished(appPort);
    expect(published.map((message) => message.address)).toEqual(['messages/at-limit']);
  });
});
