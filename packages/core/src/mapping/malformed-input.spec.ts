import fc from 'fast-check';
import type { ExternalMessage } from '../binding-api/external-message.js';
import { parseDittoProtocolMessage } from '../protocol/envelope.js';
import { ConnectionMappers } from './connection-mappers.js';
import { mapInboundMessage } from './map-inbound.js';
import { mapOutboundMessage } from './map-outbound.js';

const connection = new ConnectionMappers({
  id: 'conn-1',
  mappingDefinitions: {
    status: { mappingEngine: 'ConnectionStatus', options: { thingId: '{{ header:device_id }}' } },
    create: { mappingEngine: 'ImplicitThingCreation', options: { thing: { thingId: '{{ header:device_id }}', attributes: { a: '{{ header:a }}' } } } },
    normalized: { mappingEngine: 'Normalized', options: { fields: 'thingId,attributes,__proto__/polluted', includeDeletedFields: true } },
    conditional: { mappingEngine: 'Ditto', options: {}, incomingConditions: { c: "fn:filter(header:__proto__,'exists')" }, outgoingConditions: { c: "fn:filter(header:constructor,'exists','false')" } },
  },
});
const chain = connection.chain(['Ditto', 'status', 'create', 'RawMessage', 'UpdateTwinWithLiveResponse', 'CloudEvents', 'normalized', 'conditional']);

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'content-type', 'device_id', 'ttd', 'creation-time', 'ce-id', 'ce-source', 'ce-type', 'ce-specversion', 'ditto-message-thing-id', 'ditto-message-subject', 'status', 'a'), fc.string());
const headerValues = fc.oneof(fc.constantFrom('org.acme:d', '0', '-1', '60', '1704551022123', 'application/json', 'application/vnd.eclipse.ditto+json', 'application/cloudevents+json', 'text/plain', '{{ header:a }}'), fc.string());
const headers = fc.dictionary(key, headerValues, { maxKeys: 8 }).map((record) => {
  const safe: Record<string, string> = {};
  for (const name of Object.keys(record)) Object.defineProperty(safe, name, { value: record[name], enumerable: true, writable: true, configurable: true });
  return safe;
});
const json = fc.jsonValue({ maxDepth: 4 });
const protocolLike = fc.record({
  topic: fc.oneof(fc.constantFrom('org.acme/d/things/twin/events/merged', 'org.acme/d/things/live/commands/retrieve', 'org.acme/d/things/live/messages/x', 'org.acme/d/things/twin/errors', '__proto__/x/things/twin/events/deleted'), fc.string()),
  headers: fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean())),
  path: fc.oneof(fc.constantFrom('/', '/__proto__/polluted', '/attributes/constructor/prototype', '/inbox/messages/x', '/features/f/outbox/messages/x'), fc.string()),
  value: json,
  status: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
  timestamp: fc.option(fc.constant('2024-01-06T14:00:00Z'), { nil: undefined }),
});
const payload = fc.oneof(json.map((value) => JSON.stringify(value)), protocolLike.map((value) => JSON.stringify(value)), fc.string());
const external: fc.Arbitrary<ExternalMessage> = fc.record({
  headers,
  textPayload: fc.option(payload, { nil: undefined }),
  bytePayload: fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
  contentType: fc.option(headerValues, { nil: undefined }),
});

function prototypeUntouched(): boolean {
  return Object.getOwnPropertyNames(Object.prototype).every((name) => name !== 'polluted' && name !== 'a') && ({} as Record<string, unknown>)['polluted'] === undefined;
}

describe('malformed input', () => {
  it('never rejects inbound, whatever the message, and leaves Object.prototype alone', async () => {
    await fc.assert(
      fc.asyncProperty(external, async (message) => {
        const outcomes = await mapInboundMessage(chain, message, { authorizationSubjects: ['s'], now: 0 });
        expect(outcomes).toHaveLength(chain.mappers.length);
        expect(prototypeUntouched()).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never rejects outbound for any valid Ditto Protocol message', async () => {
    await fc.assert(
      fc.asyncProperty(protocolLike, async (candidate) => {
        let message;
        try {
          message = parseDittoProtocolMessage(JSON.parse(JSON.stringify(candidate)));
        } catch {
          return;
        }
        const outcomes = await mapOutboundMessage(chain, message, { now: 0 });
        expect(outcomes).toHaveLength(chain.mappers.length);
        expect(prototypeUntouched()).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps __proto__ keys of payloads and paths as plain data', async () => {
    const merged = parseDittoProtocolMessage('{"topic":"org.acme/d/things/twin/events/merged","headers":{"__proto__":"x"},"path":"/__proto__","value":{"polluted":null,"__proto__":{"polluted":1}},"timestamp":"2024-01-06T14:00:00Z"}');
    const outcomes = await mapOutboundMessage(connection.chain(['normalized']), merged);
    expect(outcomes[0]?.kind).toBe('mapped');
    const inbound = { headers: { device_id: 'org.acme:d', a: '1' }, textPayload: '{"topic":"org.acme/d/things/twin/commands/modify","headers":{"__proto__":"h"},"path":"/attributes/__proto__","value":{"__proto__":{"polluted":1}}}' };
    const results = await mapInboundMessage(chain, inbound);
    expect(results.find((outcome) => outcome.mapperId === 'Ditto')?.kind).toBe('mapped');
    expect(prototypeUntouched()).toBe(true);
  });
});
