import type { ExternalMessage } from '../binding-api/external-message.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { createMapperRegistry } from './built-in-mappers.js';
import { ConnectionMappers } from './connection-mappers.js';
import { mapOutboundMessage } from './map-outbound.js';
import type { PayloadMapper } from './payload-mapper.js';

const REPEATING: PayloadMapper = {
  alias: 'Repeating',
  direction: 'outbound',
  mandatoryOptions: ['times'],
  defaultOptions: {},
  configure(options) {
    const times = Number(options['times']);
    return {
      mapInbound: () => [],
      mapOutbound: async (message): Promise<ExternalMessage[]> => {
        if (message.path === '/boom') throw new RangeError('bad path');
        return Array.from({ length: times }, () => ({ headers: {}, textPayload: message.topic }));
      },
    };
  },
};
const mappers = (mappingDefinitions: Record<string, unknown>) =>
  new ConnectionMappers({ id: 'conn-1', mappingDefinitions: mappingDefinitions as never }, { registry: createMapperRegistry([REPEATING]) });
const event: DittoProtocolMessage = {
  topic: 'org.acme/s1/things/twin/events/modified',
  headers: { 'correlation-id': 'c-42', 'requested-acks': ['a'] },
  path: '/features/temp/properties/value',
  value: 21,
  extra: { attributes: { location: 'kitchen' } },
};

describe('outbound mapping chain', () => {
  it('evaluates outgoing conditions over the signal: headers, thing, feature, topic, resource, request, connection', async () => {
    const outgoingConditions = {
      header: "fn:filter(header:correlation-id,'eq','c-42')",
      thing: "fn:filter(thing:name,'eq','s1')",
      feature: "fn:filter(feature:id,'eq','temp')",
      topic: "fn:filter(topic:action,'eq','modified')",
      resource: "fn:filter(resource:path,'like','/features/*')",
      request: "fn:filter(request:subjectId,'eq','integration:t')",
      connection: "fn:filter(connection:id,'eq','conn-1')",
    };
    const input = { authorizationSubjects: ['integration:t'] };
    const chain = mappers({ m: { mappingEngine: 'Repeating', options: { times: 1 }, outgoingConditions } }).chain(['m']);
    expect((await mapOutboundMessage(chain, event, input))[0]?.kind).toBe('mapped');
    expect((await mapOutboundMessage(chain, event))[0]?.kind).toBe('dropped');
    expect((await mapOutboundMessage(chain, { ...event, path: '/features/hum/properties/value' }, input))[0]).toEqual({
      kind: 'dropped',
      mapperId: 'm',
      reason: 'condition',
      log: 'Payload mapping of mapper m returned null, outgoing message is dropped',
    });
  });

  it('takes a condition context given by the caller', async () => {
    const chain = mappers({ m: { mappingEngine: 'Repeating', options: { times: 1 }, outgoingConditions: { c: "fn:filter(header:x,'eq','1')" } } }).chain(['m']);
    expect((await mapOutboundMessage(chain, event, { conditionContext: { headers: { x: '1' } } }))[0]?.kind).toBe('mapped');
  });

  it('allows 10 messages, fails with 11, and turns exceptions into error outcomes', async () => {
    const connection = mappers({ ten: { mappingEngine: 'Repeating', options: { times: 10 } }, eleven: { mappingEngine: 'Repeating', options: { times: 11 } } });
    const outcomes = await mapOutboundMessage(connection.chain(['ten', 'eleven']), event);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['mapped', 'error']);
    expect(outcomes[1]).toMatchObject({ error: { message: 'The number of messages produced by the payload mapping exceeded the limits.' } });
    const [failed] = await mapOutboundMessage(connection.chain(['ten']), { ...event, path: '/boom' });
    expect(failed).toMatchObject({ kind: 'error', error: { error: 'connectivity:message.mapping.failed', description: "Could not map outbound message with mapper 'ten' due to unknown problem: RangeError bad path" } });
  });

  it('counts an empty result as dropped', async () => {
    const chain = mappers({}).chain(['Normalized']);
    expect((await mapOutboundMessage(chain, { topic: 'org.acme/s1/things/twin/commands/modify', headers: {}, path: '/', value: {} }))[0]).toMatchObject({ kind: 'dropped', reason: 'empty' });
  });
});
