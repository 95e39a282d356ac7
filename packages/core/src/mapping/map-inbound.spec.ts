import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { createMapperRegistry } from './built-in-mappers.js';
import { ConnectionMappers } from './connection-mappers.js';
import { INBOUND_PAYLOAD_MAPPER_HEADER, mapInboundMessage } from './map-inbound.js';
import type { PayloadMapper } from './payload-mapper.js';

const command = (n: number): DittoProtocolMessage => ({ topic: 'org.acme/s1/things/twin/commands/modify', headers: {}, path: `/attributes/a${n}`, value: n });

/** A test mapper producing `count` commands (option), optionally after a delay, or throwing. */
const COUNTING: PayloadMapper = {
  alias: 'Counting',
  direction: 'both',
  mandatoryOptions: [],
  defaultOptions: { count: 1 },
  configure(options) {
    const count = Number(options['count']);
    return {
      mapInbound: async (message) => {
        if (message.textPayload === 'throw') throw new TypeError('boom');
        await new Promise((resolve) => setTimeout(resolve, 1));
        return Array.from({ length: count }, (_, i) => command(i));
      },
      mapOutbound: () => [],
    };
  },
};

const registry = createMapperRegistry([COUNTING]);
const mappers = (mappingDefinitions: Record<string, unknown> = {}) => new ConnectionMappers({ id: 'conn-1', mappingDefinitions: mappingDefinitions as never }, { registry });

describe('inbound mapping chain', () => {
  it('runs every mapper in order and independently, one failing does not stop the next', async () => {
    const chain = mappers().chain(['Counting', 'Ditto']);
    const outcomes = await mapInboundMessage(chain, { headers: {}, textPayload: 'throw' });
    expect(outcomes.map((outcome) => [outcome.mapperId, outcome.kind])).toEqual([
      ['Counting', 'error'],
      ['Ditto', 'error'],
    ]);
    expect(outcomes[0]).toMatchObject({
      error: {
        status: 400,
        error: 'connectivity:message.mapping.failed',
        message: "The external message with content-type '<unspecified>' could not be mapped.",
        description: "Could not map inbound message with mapper 'Counting' due to unknown problem: TypeError boom",
      },
    });
  });

  it('awaits asynchronous mappers and remembers the mapper id in every produced signal', async () => {
    const chain = mappers({ three: { mappingEngine: 'Counting', options: { count: 3 } } }).chain(['three']);
    const [outcome] = await mapInboundMessage(chain, { headers: {}, textPayload: 'x' });
    if (outcome?.kind !== 'mapped') throw new Error(`not mapped: ${JSON.stringify(outcome)}`);
    expect(outcome.signals.map((mapped) => mapped.message.headers[INBOUND_PAYLOAD_MAPPER_HEADER])).toEqual(['three', 'three', 'three']);
  });

  it('allows 10 messages per call and fails with 11', async () => {
    const ten = mappers({ m: { mappingEngine: 'Counting', options: { count: 10 } } }).chain(['m']);
    expect((await mapInboundMessage(ten, { headers: {}, textPayload: 'x' }))[0]?.kind).toBe('mapped');
    const eleven = mappers({ m: { mappingEngine: 'Counting', options: { count: 11 } } }).chain(['m']);
    expect((await mapInboundMessage(eleven, { headers: {}, textPayload: 'x' }))[0]).toMatchObject({
      kind: 'error',
      error: {
        error: 'connectivity:message.mapping.failed',
        message: 'The number of messages produced by the payload mapping exceeded the limits.',
        description: "The payload mapping 'm' produced 11 messages, which exceeds the limit of 10.",
      },
    });
  });

  it('counts an empty result as dropped', async () => {
    const chain = mappers({ none: { mappingEngine: 'Counting', options: { count: 0 } } }).chain(['none']);
    expect(await mapInboundMessage(chain, { headers: {}, textPayload: 'x' })).toEqual([
      { kind: 'dropped', mapperId: 'none', reason: 'empty', log: 'Payload mapping of mapper none returned null, incoming message is dropped' },
    ]);
  });

  it('applies the content-type blocklist as exact strings', async () => {
    const chain = mappers({ m: { mappingEngine: 'Counting', options: { 'content-type-blocklist': 'text/plain, application/x' } } }).chain(['m']);
    const run = async (contentType: string) => (await mapInboundMessage(chain, { headers: { 'content-type': contentType }, textPayload: 'x' }))[0]?.kind;
    expect(await run('text/plain')).toBe('dropped');
    expect(await run('application/x')).toBe('dropped');
    expect(await run('text/plain; charset=UTF-8')).toBe('mapped');
  });

  it('drops when an incoming condition does not hold; conditions see external headers, time, request and connection', async () => {
    const incomingConditions = {
      qos: "fn:filter(header:QOS,'ne','0')",
      conn: "fn:filter(connection:id,'eq','conn-1')",
      subject: "fn:filter(request:subjectId,'eq','integration:a')",
      time: "fn:filter(time:now_epoch_millis,'eq','5000')",
    };
    const chain = mappers({ m: { mappingEngine: 'Counting', options: {}, incomingConditions } }).chain(['m']);
    const input = { authorizationSubjects: ['integration:a'], now: 5000 };
    expect((await mapInboundMessage(chain, { headers: { qos: '1' }, textPayload: 'x' }, input))[0]?.kind).toBe('mapped');
    expect((await mapInboundMessage(chain, { headers: { qos: '0' }, textPayload: 'x' }, input))[0]).toMatchObject({ kind: 'dropped', reason: 'condition' });
    expect((await mapInboundMessage(chain, { headers: { qos: '1' }, textPayload: 'x' }, { ...input, now: 1 }))[0]).toMatchObject({ kind: 'dropped' });
  });

  it('turns a condition that does not compile into an error outcome', async () => {
    const chain = mappers({ m: { mappingEngine: 'Counting', options: {}, incomingConditions: { bad: 'fn:nope()' } } }).chain(['m']);
    expect((await mapInboundMessage(chain, { headers: {}, textPayload: 'x' }))[0]).toMatchObject({ kind: 'error', error: { error: 'placeholder:function.unknown' } });
  });

  it('rejects produced signals that are not valid or whose headers are too large', async () => {
    const chain = mappers().chain(['Ditto']);
    const unknownTopic = JSON.stringify({ ...command(1), topic: 'org.acme/s1/things/nope/commands/modify' });
    expect((await mapInboundMessage(chain, { headers: {}, textPayload: unknownTopic }))[0]).toMatchObject({ kind: 'error', error: { error: 'protocoladapter:unknown.topicpath' } });
    const big = JSON.stringify({ ...command(1), headers: { x: 'y'.repeat(6000) } });
    expect((await mapInboundMessage(chain, { headers: {}, textPayload: big }))[0]).toMatchObject({ kind: 'error', error: { status: 431, error: 'headers.too.large' } });
  });

  it('removes internal headers a payload tries to set', async () => {
    const chain = mappers().chain(['Ditto']);
    const text = JSON.stringify({ ...command(1), headers: { 'ditto-auth-context': 'x', [INBOUND_PAYLOAD_MAPPER_HEADER]: 'evil', 'correlation-id': 'c' } });
    const [outcome] = await mapInboundMessage(chain, { headers: {}, textPayload: text });
    if (outcome?.kind !== 'mapped') throw new Error('not mapped');
    expect(outcome.signals[0]?.message.headers).toEqual({ 'correlation-id': 'c', [INBOUND_PAYLOAD_MAPPER_HEADER]: 'Ditto' });
  });
});

describe('connection mappers', () => {
  it('falls back to the Ditto mapper for unknown ids and for definitions that do not load', async () => {
    const connection = mappers({ broken: { mappingEngine: 'ConnectionStatus', options: {} } });
    const chain = connection.chain(['unknown', 'broken']);
    const text = JSON.stringify(command(1));
    const outcomes = await mapInboundMessage(chain, { headers: {}, textPayload: text });
    expect(outcomes.map((outcome) => [outcome.mapperId, outcome.kind])).toEqual([
      ['unknown', 'mapped'],
      ['broken', 'mapped'],
    ]);
    expect([...connection.problems.keys()]).toEqual(['broken']);
  });

  it('builds each chain once and maps replies with the remembered mapper', () => {
    const connection = mappers({ three: { mappingEngine: 'Counting', options: { count: 3 } } });
    expect(connection.chain(['three'])).toBe(connection.chain(['three']));
    expect(connection.replyChain({ [INBOUND_PAYLOAD_MAPPER_HEADER]: 'three' })).toBe(connection.chain(['three']));
    expect(connection.replyChain({}).mappers.map((entry) => entry.id)).toEqual(['Ditto']);
  });

  it('closes configured mappers', async () => {
    let closed = 0;
    const closing: PayloadMapper = { ...COUNTING, alias: 'Closing', configure: () => ({ mapInbound: () => [], mapOutbound: () => [], close: () => void closed++ }) };
    const connection = new ConnectionMappers({ id: 'c', mappingDefinitions: {} }, { registry: createMapperRegistry([closing]) });
    connection.chain(['Closing', 'Ditto']);
    await connection.close();
    expect(closed).toBe(1);
  });
});
