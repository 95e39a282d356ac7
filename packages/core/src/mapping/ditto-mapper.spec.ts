import { createMapperRegistry } from './built-in-mappers.js';
import { ConnectionMappers } from './connection-mappers.js';
import { DEFAULT_CONTENT_TYPE_BLOCKLIST, DITTO_MAPPER } from './ditto-mapper.js';
import { INBOUND_PAYLOAD_MAPPER_HEADER, mapInboundMessage } from './map-inbound.js';
import { mapOutboundMessage } from './map-outbound.js';

const context = { mapperId: 'Ditto', connectionId: 'c', authorizationSubjects: [], now: 0 };
const ditto = DITTO_MAPPER.configure(DITTO_MAPPER.defaultOptions, context);
const command = { topic: 'org.acme/s1/things/twin/commands/modify', headers: { 'correlation-id': 'c-1' }, path: '/attributes/a', value: 1 };
const chain = new ConnectionMappers({ id: 'c', mappingDefinitions: {} }).chain([]);

describe('Ditto mapper', () => {
  it('reads a Ditto Protocol message from text and keeps only its own headers', async () => {
    const [outcome] = await mapInboundMessage(chain, { headers: { 'content-type': 'application/json', device: 'x' }, textPayload: JSON.stringify(command) });
    expect(outcome).toMatchObject({ kind: 'mapped', mapperId: 'Ditto' });
    if (outcome?.kind !== 'mapped') throw new Error('not mapped');
    expect(outcome.signals[0]?.message).toEqual({ ...command, headers: { 'correlation-id': 'c-1', [INBOUND_PAYLOAD_MAPPER_HEADER]: 'Ditto' } });
    expect(outcome.signals[0]?.signal.kind).toBe('command');
  });

  it('decodes bytes with the charset of the content type (UTF-8 by default)', () => {
    const text = JSON.stringify({ ...command, value: 'grün' });
    const latin1 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    expect(ditto.mapInbound({ headers: {}, bytePayload: new TextEncoder().encode(text) }, context)).toEqual([{ ...command, value: 'grün' }]);
    expect(ditto.mapInbound({ headers: {}, contentType: 'application/json; charset=ISO-8859-1', bytePayload: latin1 }, context)).toEqual([{ ...command, value: 'grün' }]);
  });

  it.each([
    ['absent', {}],
    ['empty', { textPayload: '' }],
  ])('fails for an %s payload', async (_name, payload) => {
    const [outcome] = await mapInboundMessage(chain, { headers: { 'content-type': 'application/json' }, ...payload });
    expect(outcome).toMatchObject({
      kind: 'error',
      error: {
        status: 400,
        error: 'connectivity:message.mapping.failed',
        message: "The external message with content-type 'application/json' could not be mapped.",
        description: 'As payload was absent or empty, please make sure to send payload in your messages.',
      },
    });
  });

  it('fails with json.invalid for text that is not a JSON object', async () => {
    for (const textPayload of ['{', '[1]', '42', '{"topic":1}']) {
      const [outcome] = await mapInboundMessage(chain, { headers: {}, textPayload });
      expect(outcome).toMatchObject({ kind: 'error', error: { status: 400, error: expect.stringMatching(/^json\./) } });
    }
  });

  it('skips Hono notifications by its default blocklist', async () => {
    expect(DEFAULT_CONTENT_TYPE_BLOCKLIST.split(',')).toHaveLength(4);
    const [outcome] = await mapInboundMessage(chain, { headers: {}, contentType: 'application/vnd.eclipse-hono-empty-notification', textPayload: '' });
    expect(outcome).toEqual({ kind: 'dropped', mapperId: 'Ditto', reason: 'blocklisted', log: 'Payload mapping of mapper Ditto returned null, incoming message is dropped' });
  });

  it('sends the Ditto Protocol JSON as text with content type and correlation id', async () => {
    const response = { topic: 'org.acme/s1/things/twin/commands/modify', headers: { 'correlation-id': 'c-1', 'x-custom': 'y' }, path: '/attributes/a', status: 204 };
    const [outcome] = await mapOutboundMessage(chain, response);
    expect(outcome).toEqual({
      kind: 'mapped',
      mapperId: 'Ditto',
      messages: [
        {
          headers: { 'content-type': 'application/vnd.eclipse.ditto+json', 'correlation-id': 'c-1' },
          textPayload: JSON.stringify(response),
          contentType: 'application/vnd.eclipse.ditto+json',
        },
      ],
    });
  });

  it('is registered under its alias and class name', () => {
    const registry = createMapperRegistry();
    expect(registry.get('Ditto')).toBe(DITTO_MAPPER);
    expect(registry.get('DittoMessageMapper')).toBe(DITTO_MAPPER);
    expect(registry.get('ditto')).toBeUndefined();
  });
});
