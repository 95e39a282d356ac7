import fc from 'fast-check';
import { amqpConnection } from '../../test/support/connections.js';
import { FAKE_PUSH_BINDING, FAKE_QUEUE_BINDING } from '../../test/support/fake-bindings.js';
import { validateConnection } from './validate-connection.js';

const bindings = [FAKE_QUEUE_BINDING, FAKE_PUSH_BINDING];
const errorOf = (json: unknown, withBindings = true) => {
  const result = validateConnection(json, withBindings ? { bindings } : {});
  return result.valid ? undefined : result.error;
};

describe('validateConnection', () => {
  it('returns the normalised connection when valid', () => {
    const result = validateConnection(amqpConnection(), { bindings });
    expect(result.valid).toBe(true);
    expect(result.valid && result.connection.sources[0]?.consumerCount).toBe(1);
  });

  it('rejects a type no installed binding provides, naming the package to install', () => {
    expect(errorOf({ ...amqpConnection(), connectionType: 'kafka', uri: 'tcp://h:9092' })).toMatchObject({
      status: 400,
      error: 'connectivity:connection.configuration.invalid',
      message: "No binding is installed for connection type 'kafka'.",
      description: expect.stringContaining('@twinlink/binding-kafka'),
    });
  });

  it('runs only the generic rules when no bindings are given', () => {
    expect(errorOf({ ...amqpConnection(), connectionType: 'kafka', uri: 'tcp://h:9092' }, false)).toBeUndefined();
  });

  describe('with a binding', () => {
    it('checks the URI scheme', () => {
      expect(errorOf(amqpConnection({ uri: 'tcp://h:5672' }))).toMatchObject({
        error: 'connectivity:connection.uri.invalid', message: "The URI scheme 'tcp' is not valid for amqp-091.", description: 'Accepted URI schemes are: amqp, amqps',
      });
      expect(errorOf(amqpConnection({ uri: '' }))).toMatchObject({ error: 'connectivity:connection.uri.invalid', message: "The URI scheme '' is not valid for amqp-091." });
    });

    it('allows trusted certificates only with a secure scheme', () => {
      expect(errorOf(amqpConnection({ ca: 'x' }))).toMatchObject({ error: 'connectivity:connection.configuration.invalid' });
    });

    it('rejects sources on a type without sources', () => {
      const json = amqpConnection({ connectionType: 'http-push', uri: 'http://h:80' });
      expect(errorOf(json)).toMatchObject({ message: "A connection of type 'http-push' may not have any source." });
      expect(errorOf({ ...json, sources: [], targets: [{ address: 'POST:/x', topics: [], authorizationContext: ['a:b'] }] })).toBeUndefined();
    });

    it('rejects an SSH tunnel on a type that cannot use one', () => {
      const spec = { ...FAKE_QUEUE_BINDING.connectionTypes[0]!, capabilities: { ...FAKE_QUEUE_BINDING.connectionTypes[0]!.capabilities, sshTunnel: false } };
      const noTunnel = { ...FAKE_QUEUE_BINDING, connectionTypes: [spec] };
      const tunnel = { enabled: true, uri: 'ssh://j:22', credentials: { type: 'plain', username: 'u', password: 'p' }, validateHost: false };
      const result = validateConnection(amqpConnection({ sshTunnel: tunnel }), { bindings: [noTunnel] });
      expect(result.valid ? undefined : result.error.message).toBe('SSH tunneling not supported.');
    });

    it('delegates type-specific rules to the binding', () => {
      expect(errorOf(amqpConnection({ targets: [{ address: 'no-slash', topics: [], authorizationContext: ['a:b'] }] }))).toMatchObject({ message: 'Target address must be <exchange>/<routingKey>.' });
      const push = { ...amqpConnection({ connectionType: 'http-push', uri: 'http://h:80', specificConfig: { idleTimeout: '61s' } }), sources: [] };
      expect(errorOf(push)).toMatchObject({ message: "Idle timeout '61s' is not within the allowed range of [0, 60] seconds." });
    });
  });

  it('never throws and always answers a Ditto error for arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ id: fc.string(), connectionType: fc.constantFrom('mqtt', 'amqp-091', 'http-push'), connectionStatus: fc.string(), uri: fc.string(), sources: fc.anything(), targets: fc.anything() })), (input) => {
        const result = validateConnection(input, { bindings });
        if (!result.valid) {
          expect(typeof result.error.status).toBe('number');
          expect(result.error.error).toMatch(/^[a-z.:]+/);
        }
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('handles 10 MB strings in every field', () => {
    const huge = 'a'.repeat(10 * 1024 * 1024);
    for (const json of [
      amqpConnection({ id: huge }),
      amqpConnection({ uri: `amqp://${huge}:5672` }),
      amqpConnection({ uri: huge }),
      amqpConnection({ targets: [{ address: huge, topics: [huge], authorizationContext: [huge] }] }),
      amqpConnection({ sources: [{ addresses: [huge], authorizationContext: ['a:b'], headerMapping: { a: `{{ ${huge} }}` } }] }),
    ]) {
      const result = validateConnection(json, { bindings });
      if (!result.valid) expect(result.error.message.length).toBeLessThan(1_000);
    }
  });
});
