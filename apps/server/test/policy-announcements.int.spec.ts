import { loopbackConnection } from './support/connections.js';
import { eventually } from './support/eventually.js';
import { USER } from './support/http-client.js';
import type { LoopbackPublished } from './support/loopback-control.js';
import { loopbackPublished } from './support/loopback-control.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const TOPIC = '_/_/policies/announcements';
const POLICY_PATH = '/api/2/policies/org.acme:expiring';

interface Envelope {
  readonly topic: string;
  readonly headers: Record<string, unknown>;
  readonly path: string;
  readonly value: { deleteAt: string; subjectIds: string[] };
}

function envelopesAt(published: readonly LoopbackPublished[], address: string, subjectId?: string): Envelope[] {
  return published
    .filter((message) => message.address === address)
    .map((message) => JSON.parse(message.textPayload ?? '{}') as Envelope)
    .filter((envelope) => subjectId === undefined || envelope.value.subjectIds.includes(subjectId));
}

describe('policy subject expiry and subjectDeletion announcements through the service', () => {
  let service: ServiceProcess;
  let port: number;
  let bystanderPort: number;

  beforeAll(async () => {
    service = await ServiceProcess.start({ env: { TWINLINK_POLICY_SUBJECT_EXPIRY_GRANULARITY: '1s' } });
    port = await freePort();
    bystanderPort = await freePort();
    const announcer = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${port}`,
      targets: [
        { address: 'apps', topics: [TOPIC], authorizationContext: ['integration:expiring', 'integration:deleted'] },
        { address: 'acked', topics: [TOPIC], authorizationContext: ['integration:acked'], issuedAcknowledgementLabel: 'announcer:ack' },
        { address: 'unacked', topics: [TOPIC], authorizationContext: ['integration:unacked'] },
      ],
    });
    const bystander = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${bystanderPort}`,
      targets: [
        { address: 'unrelated', topics: [TOPIC], authorizationContext: ['integration:unrelated'] },
        { address: 'other-namespace', topics: [`${TOPIC}?namespaces=org.other`], authorizationContext: ['integration:expiring'] },
      ],
    });
    expect((await service.call('PUT', '/api/2/connections/announcer', { body: announcer })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/bystander', { body: bystander })).status).toBe(201);
    await eventually(() => Promise.all([loopbackPublished(port), loopbackPublished(bystanderPort)]), () => true, 10_000, 'the connections');
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it('announces before the expiry, deletes the subjects at it, announces their deletion and retries unacknowledged announcements', async () => {
    const expiry = new Date(Date.now() + 2000).toISOString();
    const rounded = new Date(Math.ceil(Date.parse(expiry) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const soon = (announcement: Record<string, unknown>): Record<string, unknown> => ({ type: 'app', expiry, announcement });
    const policy = {
      entries: {
        owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] } } },
        apps: {
          subjects: {
            'integration:expiring': soon({ beforeExpiry: '1s' }),
            'integration:acked': soon({ beforeExpiry: '1s', requestedAcks: { labels: ['announcer:ack'], timeout: '1s' } }),
            'integration:unacked': soon({ beforeExpiry: '1s', requestedAcks: { labels: ['nobody:ack'], timeout: '1s' } }),
            'integration:deleted': soon({ whenDeleted: true }),
          },
          resources: { 'thing:/': { grant: ['READ'], revoke: [] } },
        },
      },
    };
    const created = await service.call('PUT', POLICY_PATH, { auth: USER, body: policy });
    expect(created.status).toBe(201);
    expect(created.json().entries.apps.subjects['integration:expiring']).toEqual({ type: 'app', expiry: rounded, announcement: { beforeExpiry: '60s', whenDeleted: false } });

    // beforeExpiry (rounded up to a minute) lies before now: announced at once.
    const early = await eventually(() => loopbackPublished(port), (list) => envelopesAt(list, 'apps', 'integration:expiring').length > 0, 5_000, 'the beforeExpiry announcement');
    expect(envelopesAt(early, 'apps', 'integration:expiring')).toEqual([
      { topic: 'org.acme/expiring/policies/announcements/subjectDeletion', headers: expect.objectContaining({ 'correlation-id': expect.any(String) }), path: '/', value: { deleteAt: rounded, subjectIds: ['integration:expiring'] } },
    ]);

    const gone = await eventually(() => service.call('GET', `${POLICY_PATH}/entries/apps/subjects`, { auth: USER }), (response) => response.status === 200 && Object.keys(response.json()).length === 0, 10_000, 'the expiry');
    expect(gone.json()).toEqual({});
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(rounded));

    const published = await eventually(
      () => loopbackPublished(port),
      (list) => envelopesAt(list, 'apps', 'integration:deleted').length > 0 && envelopesAt(list, 'unacked').length >= 2,
      10_000,
      'the whenDeleted announcement and a redelivery',
    );
    const [deleted] = envelopesAt(published, 'apps', 'integration:deleted');
    expect(deleted?.value.subjectIds).toEqual(['integration:deleted']);
    expect(Date.parse(deleted?.value.deleteAt ?? '')).toBeGreaterThanOrEqual(Date.parse(rounded));
    const unacked = envelopesAt(published, 'unacked');
    expect(unacked[0]?.headers['requested-acks']).toEqual(['nobody:ack']);
    expect(new Set(unacked.map((envelope) => envelope.headers['correlation-id'])).size).toBe(unacked.length);
    // The target issuing the requested acknowledgement acknowledged the first delivery.
    expect(envelopesAt(published, 'acked')).toHaveLength(1);
    expect(envelopesAt(published, 'apps')).toHaveLength(2);
    expect(await loopbackPublished(bystanderPort)).toEqual([]);
  }, 30_000);
});
