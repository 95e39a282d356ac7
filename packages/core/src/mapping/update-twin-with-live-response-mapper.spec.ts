import type { JsonObject } from '../json/json-value.js';
import { createMapperRegistry } from './built-in-mappers.js';

const context = { mapperId: 'u', connectionId: 'c', authorizationSubjects: [], now: 0 };
const mapper = (options: JsonObject = {}) => {
  const loaded = createMapperRegistry().load({ mappingEngine: 'UpdateTwinWithLiveResponse', options }, context);
  if (!loaded.ok) throw loaded.error;
  return loaded.mapper;
};
const response = (topic = 'org.acme/s1/things/live/commands/retrieve', status: number | undefined = 200) => ({
  topic,
  headers: { 'correlation-id': 'c-9' },
  path: '/attributes',
  value: { temperature: 21 },
  ...(status === undefined ? {} : { status }),
});
const external = (payload: unknown, headers: Record<string, string> = {}) => ({ headers, textPayload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

describe('UpdateTwinWithLiveResponse mapper', () => {
  it('turns a live retrieve response into a twin merge at the same path', async () => {
    expect(await mapper().mapInbound(external(response()), context)).toEqual([
      {
        topic: 'org.acme/s1/things/twin/commands/merge',
        headers: { 'response-required': false, 'if-match': '*', 'correlation-id': 'c-9-merge-into-twin', 'content-type': 'application/merge-patch+json' },
        path: '/attributes',
        value: { temperature: 21 },
      },
    ]);
  });

  it('resolves dittoHeadersForMerge and keeps unresolvable placeholders literally', async () => {
    const options = { dittoHeadersForMerge: { source: '{{ header:origin }}', other: '{{ header:missing }}', unknown: '{{ thing:id }}', n: 3 } };
    const [merge] = await mapper(options).mapInbound(external(response(), { origin: 'device' }), context);
    expect(merge?.headers).toMatchObject({ source: 'device', other: '{{ header:missing }}', unknown: '{{ thing:id }}', n: 3 });
    expect(merge?.headers).not.toHaveProperty('if-match');
  });

  it.each([
    ['a twin response', response('org.acme/s1/things/twin/commands/retrieve')],
    ['a live modify response', response('org.acme/s1/things/live/commands/modify')],
    ['a live retrieve command', { ...response(), status: undefined }],
    ['an event', { ...response('org.acme/s1/things/live/events/modified'), status: undefined }],
    ['invalid JSON', '{'],
    ['an empty payload', ''],
  ])('drops %s', async (_name, payload) => {
    expect(await mapper().mapInbound(external(payload), context)).toEqual([]);
  });

  it('drops outbound', async () => {
    expect(await mapper().mapOutbound(response(), context)).toEqual([]);
  });
});
