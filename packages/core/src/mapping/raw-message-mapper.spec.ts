import type { JsonObject } from '../json/json-value.js';
import { createMapperRegistry } from './built-in-mappers.js';

const context = { mapperId: 'RawMessage', connectionId: 'c', authorizationSubjects: [], now: 0 };
const raw = (options: JsonObject = {}) => {
  const loaded = createMapperRegistry().load({ mappingEngine: 'RawMessage', options }, context);
  if (!loaded.ok) throw loaded.error;
  return loaded.mapper;
};
const addressed = { 'ditto-message-thing-id': 'org.acme:s1', 'ditto-message-subject': 'hello' };

describe('RawMessage mapper inbound', () => {
  it('builds a live message to the inbox with Base64 bytes for a binary content type', async () => {
    const message = { headers: { ...addressed, 'content-type': 'application/octet-stream' }, bytePayload: Uint8Array.from([9, 239, 3]) };
    expect(await raw().mapInbound(message, context)).toEqual([
      { topic: 'org.acme/s1/things/live/messages/hello', headers: { 'content-type': 'application/octet-stream' }, path: '/inbox/messages/hello', value: 'Ce8D' },
    ]);
  });

  it('defaults the content type to application/octet-stream', async () => {
    const [message] = await raw().mapInbound({ headers: addressed, textPayload: 'hi' }, context);
    expect(message).toMatchObject({ headers: { 'content-type': 'application/octet-stream' }, value: 'aGk=' });
  });

  it('keeps text as a JSON string and parses JSON; outbox, feature and status from headers', async () => {
    const text = await raw().mapInbound({ headers: { ...addressed, 'content-type': 'text/plain' }, textPayload: 'hi there' }, context);
    expect(text[0]?.value).toBe('hi there');
    const headers = { ...addressed, 'content-type': 'application/json', 'ditto-message-direction': 'FROM', 'ditto-message-feature-id': 'lamp', status: '200' };
    expect(await raw().mapInbound({ headers, textPayload: '{"on":true}' }, context)).toEqual([
      {
        topic: 'org.acme/s1/things/live/messages/hello',
        headers: { 'content-type': 'application/json' },
        path: '/features/lamp/outbox/messages/hello',
        status: 200,
        value: { on: true },
      },
    ]);
  });

  it('maps Ditto Protocol content like the Ditto mapper', async () => {
    const command = { topic: 'org.acme/s1/things/twin/commands/modify', headers: {}, path: '/attributes/a', value: 1 };
    const headers = { 'content-type': 'application/vnd.eclipse.ditto+json' };
    expect(await raw().mapInbound({ headers, textPayload: JSON.stringify(command) }, context)).toEqual([command]);
  });

  it('takes configured header templates over the defaults, key by key', async () => {
    const mapper = raw({ incomingMessageHeaders: { 'ditto-message-subject': '{{ header:mqtt.topic | fn:substring-after("/") }}' } });
    const [message] = await mapper.mapInbound({ headers: { 'ditto-message-thing-id': 'org.acme:s1', 'mqtt.topic': 'dev/ping' }, textPayload: 'x' }, context);
    expect(message?.topic).toBe('org.acme/s1/things/live/messages/ping');
  });

  it('fails when the content type cannot be resolved, or thing id or subject are missing', async () => {
    const unresolvable = raw({ incomingMessageHeaders: { 'content-type': '{{ header:ct }}' } });
    await expect(Promise.resolve().then(() => unresolvable.mapInbound({ headers: addressed, textPayload: 'x' }, context))).rejects.toMatchObject({
      status: 400,
      error: 'messages:message.format.invalid',
      message: 'The RawMessage mapper failed to resolve content-type of an incoming message.',
    });
    expect(() => raw().mapInbound({ headers: { 'ditto-message-subject': 'x' }, textPayload: 'x' }, context)).toThrow(
      expect.objectContaining({ error: 'connectivity:message.mapping.failed', description: expect.stringContaining('ditto-message-thing-id') }),
    );
    expect(() => raw().mapInbound({ headers: { 'ditto-message-thing-id': 'org.acme:s1' }, textPayload: 'x' }, context)).toThrow(
      expect.objectContaining({ description: expect.stringContaining('ditto-message-subject') }),
    );
    expect(() => raw().mapInbound({ headers: { ...addressed, 'content-type': 'application/json' }, textPayload: '{' }, context)).toThrow(expect.objectContaining({ error: 'json.invalid' }));
  });
});

describe('RawMessage mapper outbound', () => {
  const message = (value: unknown, headers: Record<string, string> = {}, status?: number) => ({
    topic: 'org.acme/s1/things/live/messages/hello',
    headers,
    path: '/features/lamp/inbox/messages/hello',
    ...(value === undefined ? {} : { value: value as never }),
    ...(status === undefined ? {} : { status }),
  });

  it('sends text unquoted with the outgoing content type and message headers', async () => {
    expect(await raw().mapOutbound(message('hi', {}, 200), context)).toEqual([
      {
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'ditto-message-direction': 'TO',
          'ditto-message-thing-id': 'org.acme:s1',
          'ditto-message-subject': 'hello',
          'ditto-message-feature-id': 'lamp',
          status: '200',
        },
        contentType: 'text/plain; charset=UTF-8',
        textPayload: 'hi',
      },
    ]);
    const [json] = await raw().mapOutbound(message({ a: 1 }, { 'content-type': 'application/json' }), context);
    expect(json?.textPayload).toBe('{"a":1}');
  });

  it('decodes Base64 for binary content types and rejects other values', async () => {
    const [bytes] = await raw().mapOutbound(message('Ce8D', { 'content-type': 'application/octet-stream' }), context);
    expect([...(bytes?.bytePayload ?? [])]).toEqual([9, 239, 3]);
    expect(() => raw().mapOutbound(message({ a: 1 }, { 'content-type': 'application/octet-stream' }), context)).toThrow(
      expect.objectContaining({ error: 'messages:message.format.invalid', message: 'Expect payload of a message of content-type <application/octet-stream> to be a base64 encoded string.' }),
    );
    expect(() => raw().mapOutbound(message('not base64!', { 'content-type': 'image/png' }), context)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('maps every other signal, and Ditto Protocol content types, like the Ditto mapper', async () => {
    const [event] = await raw().mapOutbound({ topic: 'org.acme/s1/things/twin/events/modified', headers: {}, path: '/attributes/a', value: 1 }, context);
    expect(event?.contentType).toBe('application/vnd.eclipse.ditto+json');
    const [protocol] = await raw().mapOutbound(message('hi', { 'content-type': 'application/vnd.eclipse.ditto+json' }), context);
    expect(JSON.parse(protocol?.textPayload ?? '')).toMatchObject({ topic: 'org.acme/s1/things/live/messages/hello' });
  });
});
