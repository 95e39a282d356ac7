import type { JsonObject } from '../json/json-value.js';
import { createMapperRegistry } from './built-in-mappers.js';

const context = { mapperId: 'status', connectionId: 'c', authorizationSubjects: [], now: 0 };
const load = (options: JsonObject) => createMapperRegistry().load({ mappingEngine: 'ConnectionStatus', options }, context);
const mapper = (options: JsonObject = { thingId: '{{ header:device_id }}' }) => {
  const loaded = load(options);
  if (!loaded.ok) throw loaded.error;
  return loaded.mapper;
};
const hono = (headers: Record<string, string>) => ({ headers: { device_id: 'org.acme:dev-1', 'creation-time': '1704551022123', ...headers } });
const commandHeaders = { 'response-required': false, 'requested-acks': [] };

describe('ConnectionStatus mapper', () => {
  it('ttd 0: sets readyUntil to the creation time', async () => {
    expect(await mapper().mapInbound(hono({ ttd: '0' }), context)).toEqual([
      {
        topic: 'org.acme/dev-1/things/twin/commands/modify',
        headers: commandHeaders,
        path: '/features/ConnectionStatus/properties/status/readyUntil',
        value: '2024-01-06T14:23:42.123Z',
      },
    ]);
  });

  it('ttd -1: connected until further notice, with the feature definition', async () => {
    expect(await mapper().mapInbound(hono({ ttd: '-1' }), context)).toEqual([
      {
        topic: 'org.acme/dev-1/things/twin/commands/modify',
        headers: commandHeaders,
        path: '/features/ConnectionStatus',
        value: {
          definition: ['org.eclipse.ditto:ConnectionStatus:1.0.0'],
          properties: { status: { readySince: '2024-01-06T14:23:42.123Z', readyUntil: '9999-12-31T23:59:59Z' } },
        },
      },
    ]);
  });

  it('ttd > 0: ready until creation time plus ttd seconds, feature id from a template', async () => {
    const [command] = await mapper({ thingId: '{{ header:device_id }}', featureId: '{{ header:feature | fn:default("Status") }}' }).mapInbound(hono({ ttd: '60' }), context);
    expect(command?.path).toBe('/features/Status');
    expect(command?.value).toMatchObject({ properties: { status: { readyUntil: '2024-01-06T14:24:42.123Z' } } });
  });

  it.each([
    ['a missing ttd', { ttd: undefined }],
    ['a ttd below -1', { ttd: '-2' }],
    ['a non-numeric ttd', { ttd: 'soon' }],
    ['a negative creation time', { ttd: '0', 'creation-time': '-5' }],
    ['a missing creation time', { ttd: '0', 'creation-time': undefined }],
    ['an unresolvable thing id', { ttd: '0', device_id: undefined }],
    ['an invalid thing id', { ttd: '0', device_id: 'no-namespace-separator' }],
  ])('drops a message with %s', async (_name, overrides) => {
    const headers = Object.fromEntries(Object.entries({ ...hono({}).headers, ...overrides }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(await mapper().mapInbound({ headers }, context)).toEqual([]);
  });

  it('drops outbound', async () => {
    expect(await mapper().mapOutbound({ topic: 'org.acme/dev-1/things/twin/events/modified', headers: {}, path: '/', value: {} }, context)).toEqual([]);
  });

  it('requires thingId and checks a literal one', () => {
    expect(load({})).toMatchObject({ ok: false, reason: 'missingOptions' });
    expect(load({ thingId: 'org.acme:dev-1' }).ok).toBe(true);
    expect(load({ thingId: 'not-a-thing-id' })).toMatchObject({
      ok: false,
      reason: 'invalidOptions',
      error: { error: 'connectivity:message.mapper.config.invalid', message: "Thing ID 'not-a-thing-id' is not valid!" },
    });
    expect(load({ thingId: '{{ header:x | fn:nope() }}' })).toMatchObject({ ok: false, reason: 'invalidOptions' });
  });
});
