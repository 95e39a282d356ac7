import { amqpConnection } from '../../test/support/connections.js';
import { connectionToJson } from './connection-to-json.js';
import { parseConnection } from './parse-connection.js';

const error = (code: string, message?: RegExp) =>
  expect.objectContaining({ status: 400, error: code, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe('parseConnection', () => {
  it('materialises every default', () => {
    const connection = parseConnection(amqpConnection());
    expect(connection).toMatchObject({
      clientCount: 1, failoverEnabled: true, validateCertificates: true, processorPoolSize: 1, specificConfig: {}, mappingDefinitions: {}, tags: [],
    });
    expect(connection.sources[0]).toMatchObject({ consumerCount: 1, declaredAcks: [], payloadMapping: [] });
    expect(connection.targets[0]).toMatchObject({ headerMapping: {}, payloadMapping: [] });
  });

  it('adds the implicit reply target and reply headers to sources of non-MQTT types (§5.4)', () => {
    const source = parseConnection(amqpConnection({ sources: [{ addresses: ['q'], authorizationContext: ['a:b'], headerMapping: { 'correlation-id': 'fixed' } }] })).sources[0];
    expect(source?.headerMapping).toEqual({ 'correlation-id': 'fixed', 'content-type': '{{header:content-type}}', 'reply-to': '{{header:reply-to}}' });
    expect(source?.replyTarget).toEqual({
      address: '{{header:reply-to}}',
      headerMapping: { 'correlation-id': '{{header:correlation-id}}', 'content-type': '{{header:content-type}}' },
      expectedResponseTypes: ['response', 'error'],
    });
  });

  it('gives MQTT sources a reply target without header mappings', () => {
    const connection = parseConnection({ ...amqpConnection(), connectionType: 'mqtt', uri: 'tcp://h:1883', sources: [{ addresses: ['t/#'], qos: 1, authorizationContext: ['a:b'] }] });
    expect(connection.sources[0]?.headerMapping).toEqual({});
    expect(connection.sources[0]?.replyTarget).toEqual({ address: '{{header:reply-to}}', headerMapping: {}, expectedResponseTypes: ['response', 'error'] });
  });

  it('keeps an explicit reply target, and none at all when the default is switched off', () => {
    const explicit = parseConnection(amqpConnection({ sources: [{ addresses: ['q'], authorizationContext: ['a:b'], replyTarget: { address: 'x/y', expectedResponseTypes: ['nack'] } }] }));
    expect(explicit.sources[0]?.replyTarget).toEqual({ address: 'x/y', headerMapping: {}, expectedResponseTypes: ['nack'] });
    const off = parseConnection(amqpConnection({ sources: [{ addresses: ['q'], authorizationContext: ['a:b'], replyTarget: { enabled: false } }] }));
    expect(off.sources[0]?.replyTarget).toBeUndefined();
    expect(connectionToJson(off)['sources']).toEqual([expect.objectContaining({ replyTarget: { enabled: false } })]);
  });

  it('migrates the legacy mappingContext into a javascript mapping definition used by every source and target', () => {
    const connection = parseConnection(amqpConnection({ mappingContext: { mappingEngine: 'JavaScript', options: { incomingScript: '' } } }));
    expect(connection.mappingDefinitions['javascript']).toEqual({ mappingEngine: 'JavaScript', options: { incomingScript: '' } });
    expect(connection.sources[0]?.payloadMapping).toEqual(['javascript']);
    expect(connection.targets[0]?.payloadMapping).toEqual(['javascript']);
  });

  it('coerces specificConfig values to strings and treats tags and addresses as sets', () => {
    const connection = parseConnection(amqpConnection({ specificConfig: { n: 2, b: true, s: 'x', o: { a: 1 } }, tags: ['a', 'b', 'a', 3] }));
    expect(connection.specificConfig).toEqual({ n: '2', b: 'true', s: 'x', o: '{"a":1}' });
    expect(connection.tags).toEqual(['a', 'b']);
  });

  it('ignores non-object sources and non-string subjects, and null optional fields', () => {
    const connection = parseConnection(amqpConnection({ credentials: null, sshTunnel: null, sources: [5, 'x', { addresses: ['q'], authorizationContext: ['a:b', 7] }] }));
    expect(connection.sources).toHaveLength(1);
    expect(connection.sources[0]?.authorizationContext).toEqual(['a:b']);
    expect(connection.credentials).toBeUndefined();
  });

  it.each([
    ['a non-object', [], 'json.invalid'],
    ['a missing id', { ...amqpConnection(), id: undefined }, 'json.field.missing'],
    ['a bad id', amqpConnection({ id: 'a b' }), 'connectivity:connection.id.invalid'],
    ['an id over 100 characters', amqpConnection({ id: 'x'.repeat(101) }), 'connectivity:connection.id.invalid'],
    ['an unknown type', amqpConnection({ connectionType: 'AMQP-091' }), 'json.invalid'],
    ['an unknown status', amqpConnection({ connectionStatus: 'running' }), 'json.invalid'],
    ['a missing uri', { ...amqpConnection(), uri: undefined }, 'json.field.missing'],
    ['an unknown credential type', amqpConnection({ credentials: { type: 'token' } }), 'json.invalid'],
    ['a numeric name', amqpConnection({ name: 3 }), 'connectivity:connection.configuration.invalid'],
    ['clientCount 0', amqpConnection({ clientCount: 0 }), 'connectivity:connection.configuration.invalid'],
    ['a fractional processorPoolSize', amqpConnection({ processorPoolSize: 1.5 }), 'connectivity:connection.configuration.invalid'],
    ['no sources and no targets', amqpConnection({ sources: [], targets: [] }), 'connectivity:connection.configuration.invalid'],
    ['an unknown response type', amqpConnection({ sources: [{ addresses: ['q'], authorizationContext: ['a:b'], replyTarget: { address: 'a', expectedResponseTypes: ['ack'] } }] }), 'connectivity:connection.configuration.invalid'],
    ['a mapping definition without options', amqpConnection({ mappingDefinitions: { m: { mappingEngine: 'Ditto' } } }), 'json.field.missing'],
  ])('rejects %s', (_name, input, code) => {
    expect(() => parseConnection(input)).toThrow(error(code));
  });

  it('names the field of a type error by JSON pointer', () => {
    expect(() => parseConnection(amqpConnection({ targets: [{ address: 5, authorizationContext: ['a:b'] }] }))).toThrow(error('connectivity:connection.configuration.invalid', /<\/targets\/0\/address>/));
  });

  it('lists sources and targets without authorization context', () => {
    expect(() => parseConnection(amqpConnection({ sources: [{ addresses: ['q1', 'q2'], authorizationContext: [] }] }))).toThrow(
      error('connectivity:connection.configuration.invalid', /^The Sources \[q1,q2\] and Targets \[\] are missing an authorization context\.$/),
    );
  });

  it('requires connectionStatus unless a default is given (HTTP POST)', () => {
    const input = { ...amqpConnection(), connectionStatus: undefined };
    expect(() => parseConnection(input)).toThrow(error('json.field.missing'));
    expect(parseConnection(input, { defaultStatus: 'unknown' }).connectionStatus).toBe('unknown');
  });

  it('accepts connection types of installed third-party bindings', () => {
    expect(parseConnection(amqpConnection({ connectionType: 'coap' }), { extraConnectionTypes: ['coap'] }).connectionType).toBe('coap');
  });

  it('reads SSH tunnels and rejects non-tunnel credentials there', () => {
    const tunnel = { enabled: true, uri: 'ssh://h:22', credentials: { type: 'plain', username: 'u', password: 'p' }, validateHost: false };
    expect(parseConnection(amqpConnection({ sshTunnel: tunnel })).sshTunnel).toEqual({ ...tunnel, knownHosts: [] });
    expect(() => parseConnection(amqpConnection({ sshTunnel: { ...tunnel, credentials: { type: 'client-cert' } } }))).toThrow(error('connectivity:connection.configuration.invalid', /cannot be used for an ssh tunnel/));
  });

  it('keeps __proto__ keys as inert data', () => {
    const input = JSON.parse('{"id":"c","connectionType":"amqp-091","connectionStatus":"open","uri":"amqp://h:1","specificConfig":{"__proto__":{"x":1}},"targets":[{"address":"a/b","authorizationContext":["s:t"],"headerMapping":{"__proto__":"v"}}]}');
    const connection = parseConnection(input);
    expect(Object.keys(connection.specificConfig)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('connectionToJson', () => {
  it('writes optional parts only when set, in Ditto order, and round-trips', () => {
    const connection = parseConnection(amqpConnection({ name: 'n', tags: ['t'] }));
    const json = connectionToJson(connection);
    expect(Object.keys(json)).toEqual(['id', 'name', 'connectionType', 'connectionStatus', 'uri', 'sources', 'targets', 'clientCount', 'failoverEnabled', 'validateCertificates', 'processorPoolSize', 'tags']);
    expect(parseConnection(json)).toEqual(connection);
  });
});
