import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;

interface Published {
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly textPayload?: string;
}

type Envelope = { topic: string; status: number; headers: Record<string, unknown>; value: Record<string, { status: number; headers?: Record<string, unknown> }> };

const ALL = { grant: ['READ', 'WRITE'], revoke: [] };
const policy = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': ALL, 'policy:/': ALL, 'message:/': ALL } },
    device: { subjects: { 'integration:device': { type: 'device' } }, resources: { 'thing:/': ALL, 'message:/': ALL } },
    app: { subjects: { 'integration:app': { type: 'app' } }, resources: { 'thing:/': { grant: ['READ'], revoke: [] }, 'message:/': { grant: ['READ'], revoke: [] } } },
  },
};

async function inject(port: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/inbound`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

async function published(port: number): Promise<Published[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/published`)).json()) as Published[];
}

/** The reply published to `replies/<correlation-id>` (or the given prefix), parsed. */
async function replyOf(port: number, correlationId: string, prefix = 'replies'): Promise<Envelope | undefined> {
  const reply = (await published(port)).find((message) => message.address === `${prefix}/${correlationId}`);
  return reply === undefined ? undefined : (JSON.parse(reply.textPayload ?? '{}') as Envelope);
}

/**
 * Sends `ack` until `pending` settles: the command waits for it, but it may arrive before the
 * command's collector exists, and then nobody takes it.
 */
async function ackUntilSettled(port: number, pending: Promise<Record<string, unknown>>, ack: string): Promise<Record<string, unknown>> {
  let settled = false;
  void pending.then(() => (settled = true));
  for (let i = 0; i < 100 && !settled; i++) {
    expect(await inject(port, { sourceAddress: 'acks', textPayload: ack })).toEqual({ outcome: 'accepted' });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pending;
}

function modify(correlationId: string, path: string, value: unknown, headers: Record<string, unknown> = {}): string {
  return JSON.stringify({ topic: 'org.acme/t1/things/twin/commands/modify', headers: { 'correlation-id': correlationId, ...headers }, path, value });
}

const reply = (prefix: string, types: string[]): Record<string, unknown> => ({
  address: `${prefix}/{{ header:correlation-id }}`,
  headerMapping: { 'correlation-id': '{{ header:correlation-id }}' },
  expectedResponseTypes: types,
});

describe('acknowledgements gating settlement through the real service', () => {
  let service: ServiceProcess;
  let devicePort: number;
  let appPort: number;

  beforeAll(async () => {
    // five sources: one per acknowledgement setup under test
    service = await ServiceProcess.start({ env: { TWINLINK_MAX_SOURCES: '8' } });
    devicePort = await freePort();
    appPort = await freePort();
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: policy })).status).toBe(201);
    const thing = { policyId: 'org.acme:p1', features: { temp: { properties: { value: 1 } } } };
    expect((await service.call('PUT', '/api/2/things/org.acme:t1', { auth: USER, body: thing })).status).toBe(201);
    const subjects = ['integration:device'];
    const device = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${devicePort}`,
      sources: [
        { addresses: ['delivered'], authorizationContext: subjects, acknowledgementRequests: { includes: ['twin-persisted', 'app:delivered'] }, replyTarget: reply('replies', ['response', 'error', 'nack']) },
        { addresses: ['filtered'], authorizationContext: subjects, acknowledgementRequests: { includes: ['{{connection:id}}:never'], filter: "fn:filter(header:qos,'ne','0')" }, replyTarget: reply('replies', ['response', 'error', 'nack']) },
        { addresses: ['commands'], authorizationContext: subjects, replyTarget: reply('replies', ['response', 'error', 'nack']) },
        { addresses: ['quiet'], authorizationContext: subjects, replyTarget: reply('quiet', ['response', 'error']) },
        { addresses: ['acks'], authorizationContext: subjects, declaredAcks: ['device:checked'] },
      ],
      targets: [{ address: 'own', topics: ['_/_/things/twin/events'], authorizationContext: subjects, issuedAcknowledgementLabel: 'device:own' }],
    });
    const readers = ['integration:app'];
    const app = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${appPort}`,
      targets: [
        { address: 'acked/{{ thing:id }}', topics: ['_/_/things/twin/events'], authorizationContext: readers, issuedAcknowledgementLabel: 'app:delivered' },
        { address: 'hot', topics: ['_/_/things/twin/events?filter=gt(features/temp/properties/value,50)'], authorizationContext: readers, issuedAcknowledgementLabel: 'app:hot' },
        { address: 'raw', topics: ['_/_/things/live/messages'], authorizationContext: readers, payloadMapping: ['RawMessage'], issuedAcknowledgementLabel: 'app:raw' },
      ],
    });
    expect((await service.call('PUT', '/api/2/connections/device', { body: device })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/app', { body: app })).status).toBe(201);
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it('settles only with the ack a target of another connection issued (acknowledgementRequests.includes)', async () => {
    const settlement = await inject(devicePort, { sourceAddress: 'delivered', textPayload: modify('inc-1', '/features/temp/properties/value', 5) });
    expect(settlement).toEqual({ outcome: 'accepted' });
    expect((await published(appPort)).some((message) => message.address === 'acked/org.acme:t1')).toBe(true);
    const acks = await replyOf(devicePort, 'inc-1');
    expect(acks).toMatchObject({ topic: 'org.acme/t1/things/twin/acks', status: 200 });
    expect(acks?.value['app:delivered']?.status).toBe(200);
    expect(acks?.value['app:delivered']?.headers?.['ditto-weak-ack']).toBeUndefined();
    expect(acks?.value['twin-persisted']?.status).toBe(204);
  });

  it('answers filtered targets and loop-prevented targets of the same connection with weak acks', async () => {
    const requested = { 'requested-acks': ['twin-persisted', 'app:hot', 'device:own'] };
    expect(await inject(devicePort, { sourceAddress: 'commands', textPayload: modify('weak-1', '/features/temp/properties/value', 10, requested) })).toEqual({ outcome: 'accepted' });
    const weak = await replyOf(devicePort, 'weak-1');
    expect(weak?.value['app:hot']).toMatchObject({ status: 200, headers: { 'ditto-weak-ack': true } });
    expect(weak?.value['device:own']).toMatchObject({ status: 200, headers: { 'ditto-weak-ack': true } });
    expect((await published(appPort)).some((message) => message.address === 'hot')).toBe(false);

    expect(await inject(devicePort, { sourceAddress: 'commands', textPayload: modify('weak-2', '/features/temp/properties/value', 80, requested) })).toEqual({ outcome: 'accepted' });
    const strong = await replyOf(devicePort, 'weak-2');
    expect(strong?.value['app:hot']?.status).toBe(200);
    expect(strong?.value['app:hot']?.headers?.['ditto-weak-ack']).toBeUndefined();
    expect((await published(appPort)).some((message) => message.address === 'hot')).toBe(true);
  });

  it('waits for an ack that never comes until the timeout header, then asks for redelivery; the filter switches acks off', async () => {
    const slow = await inject(devicePort, { sourceAddress: 'filtered', headers: { qos: '1' }, textPayload: modify('never-1', '/features/temp/properties/value', 2, { timeout: '1s' }) });
    expect(slow).toMatchObject({ outcome: 'rejected', redeliver: true });
    const nack = await replyOf(devicePort, 'never-1');
    expect(nack?.value['device:never']).toMatchObject({ status: 408 });
    // qos 0: the filter removes every requested ack, so the message settles without waiting
    const fast = await inject(devicePort, { sourceAddress: 'filtered', headers: { qos: '0' }, textPayload: modify('never-2', '/features/temp/properties/value', 3, { timeout: '50s' }) });
    expect(fast).toEqual({ outcome: 'accepted' });
    expect((await service.call('GET', '/api/2/things/org.acme:t1/features/temp/properties/value', { auth: USER })).json()).toBe(3);
  }, 20_000);

  it.each([
    [503, true],
    [400, false],
  ])('settles with the status of an ack sent back through a declaring source (%i → redeliver %s)', async (status, redeliver) => {
    const correlationId = `checked-${status}`;
    const pending = inject(devicePort, { sourceAddress: 'commands', textPayload: modify(correlationId, '/features/temp/properties/value', 4, { 'requested-acks': ['device:checked'], timeout: '20s' }) });
    const ack = JSON.stringify({ topic: 'org.acme/t1/things/twin/acks/device:checked', headers: { 'correlation-id': correlationId }, path: '/', status });
    expect(await ackUntilSettled(devicePort, pending, ack)).toMatchObject({ outcome: 'rejected', redeliver });
    expect((await replyOf(devicePort, correlationId))?.status).toBe(status);
  }, 20_000);

  it('turns a target that fails to publish into a failed ack that settles without redelivery', async () => {
    // RawMessage cannot publish a binary message whose value is not Base64: the target's ack fails with 400
    const message = JSON.stringify({
      topic: 'org.acme/t1/things/live/messages/blob',
      headers: { 'correlation-id': 'raw-1', 'content-type': 'application/octet-stream', 'response-required': false, 'requested-acks': ['app:raw'] },
      path: '/inbox/messages/blob',
      value: 'this is not base64!',
    });
    expect(await inject(devicePort, { sourceAddress: 'commands', textPayload: message })).toMatchObject({ outcome: 'rejected', redeliver: false });
    expect((await published(appPort)).some((published) => published.address === 'raw')).toBe(false);
    // response-required false: the sender asked for no answer, so even the nack is not published
    expect(await replyOf(devicePort, 'raw-1')).toBeUndefined();
  });

  it('publishes nacks only to reply targets expecting them, responses and errors to both', async () => {
    const ack = (correlationId: string): string => JSON.stringify({ topic: 'org.acme/t1/things/twin/acks/device:checked', headers: { 'correlation-id': correlationId }, path: '/', status: 409 });
    for (const [source, prefix] of [['commands', 'replies'], ['quiet', 'quiet']] as const) {
      const correlationId = `nack-${source}`;
      const pending = inject(devicePort, { sourceAddress: source, textPayload: modify(correlationId, '/features/temp/properties/value', 7, { 'requested-acks': ['device:checked'], timeout: '20s' }) });
      expect(await ackUntilSettled(devicePort, pending, ack(correlationId))).toMatchObject({ outcome: 'rejected', redeliver: false });
      const nack = await replyOf(devicePort, correlationId, prefix);
      if (prefix === 'quiet') expect(nack).toBeUndefined();
      else expect(nack).toMatchObject({ topic: 'org.acme/t1/things/twin/acks', status: 409, value: { 'device:checked': { status: 409 } } });
    }
    expect(await inject(devicePort, { sourceAddress: 'quiet', textPayload: modify('quiet-ok', '/features/temp/properties/value', 6) })).toEqual({ outcome: 'accepted' });
    expect((await replyOf(devicePort, 'quiet-ok', 'quiet'))?.status).toBe(204);
    expect(await inject(devicePort, { sourceAddress: 'quiet', textPayload: modify('quiet-err', '/attributes/x', 1, { 'if-match': '"nope"' }) })).toEqual({ outcome: 'accepted' });
    expect((await replyOf(devicePort, 'quiet-err', 'quiet'))?.status).toBe(412);
  });
});
