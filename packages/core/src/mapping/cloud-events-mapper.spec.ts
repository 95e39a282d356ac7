import { CLOUD_EVENTS_MAPPER } from './cloud-events-mapper.js';

const context = { mapperId: 'CloudEvents', connectionId: 'c', authorizationSubjects: [], now: 1704551022123 };
const mapper = CLOUD_EVENTS_MAPPER.configure({}, context);
const protocol = { topic: 'org.acme/s1/things/twin/commands/modify', headers: { 'correlation-id': 'old' }, path: '/attributes/a', value: 1 };
const ce = { 'ce-id': 'ev-1', 'ce-source': 'urn:x', 'ce-type': 't', 'ce-specversion': '1.0' };
const structured = (event: unknown) => ({ headers: {}, contentType: 'application/cloudevents+json', textPayload: JSON.stringify(event) });

describe('CloudEvents mapper inbound', () => {
  it('binary mode: ce-* headers and a Ditto Protocol payload; correlation-id := ce-id', async () => {
    const message = { headers: { ...ce, 'content-type': 'application/vnd.eclipse.ditto+json' }, textPayload: JSON.stringify(protocol) };
    expect(await mapper.mapInbound(message, context)).toEqual([{ ...protocol, headers: { 'correlation-id': 'ev-1' } }]);
  });

  it('structured mode: the message from data or from data_base64; correlation-id := id', async () => {
    const event = { specversion: '1.0', id: 'ev-2', source: 'urn:x', type: 't' };
    expect(await mapper.mapInbound(structured({ ...event, data: protocol }), context)).toEqual([{ ...protocol, headers: { 'correlation-id': 'ev-2' } }]);
    const base64 = Buffer.from(JSON.stringify(protocol)).toString('base64');
    expect(await mapper.mapInbound(structured({ ...event, data_base64: base64 }), context)).toEqual([{ ...protocol, headers: { 'correlation-id': 'ev-2' } }]);
  });

  it.each([
    ['binary mode without ce-type', { headers: { ...ce, 'ce-type': undefined, 'content-type': 'application/vnd.eclipse.ditto+json' }, textPayload: JSON.stringify(protocol) }],
    ['structured mode without id', structured({ specversion: '1.0', source: 'urn:x', type: 't', data: protocol })],
    ['structured mode without data', structured({ specversion: '1.0', id: 'i', source: 'urn:x', type: 't' })],
  ])('fails for %s: "This is not a CloudEvent"', (_name, message) => {
    const headers = Object.fromEntries(Object.entries(message.headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(() => mapper.mapInbound({ ...message, headers }, context)).toThrow(expect.objectContaining({ status: 400, error: 'connectivity:message.mapping.failed', description: 'This is not a CloudEvent' }));
  });

  it('drops other content types', async () => {
    expect(await mapper.mapInbound({ headers: {}, contentType: 'application/json', textPayload: '{}' }, context)).toEqual([]);
  });
});

describe('CloudEvents mapper outbound', () => {
  it('wraps the Ditto Protocol message in a structured CloudEvent', async () => {
    const event = { topic: 'org.acme/s1/things/twin/events/modified', headers: { 'correlation-id': 'c-1' }, path: '/attributes/a', value: 1, revision: 3, timestamp: '2024-01-06T14:00:00Z' };
    const [out] = await mapper.mapOutbound(event, context);
    expect(out?.headers).toEqual({ 'content-type': 'application/cloudevents+json' });
    expect(JSON.parse(out?.textPayload ?? '')).toEqual({
      data: event,
      specversion: '1.0',
      id: 'c-1',
      source: 'https://github.com/eclipse-ditto/ditto',
      type: 'org.eclipse.ditto.outbound:things/twin/events/modified',
      datacontenttype: 'application/vnd.eclipse.ditto+json',
      time: '2024-01-06T14:00:00Z',
      subject: 'org.acme:s1',
    });
  });

  it('uses a random id and now when correlation id and timestamp are absent', async () => {
    const [out] = await mapper.mapOutbound({ topic: 'org.acme/s1/things/live/messages/hi', headers: {}, path: '/inbox/messages/hi' }, context);
    const json = JSON.parse(out?.textPayload ?? '') as Record<string, string>;
    expect(json['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(json['time']).toBe('2024-01-06T14:23:42.123Z');
  });
});
