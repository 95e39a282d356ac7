import { validateConnection } from '../src/validation/validate-connection.js';
import { TEST_CERT } from './support/connections.js';
import { specJsonBlocks } from './support/shared-spec.js';

// Every connection, and every connection fragment, shown in the shared specification must validate.
// Fragments are placed into a minimal connection of a type they fit.

type Json = Record<string, unknown>;
const base = (overrides: Json = {}): Json => ({
  id: 'example',
  connectionType: 'amqp-091',
  connectionStatus: 'open',
  uri: 'amqp://broker.example.com:5672',
  sources: [{ addresses: ['queue'], authorizationContext: ['integration:example'] }],
  targets: [{ address: 'exchange/key', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:example'] }],
  ...overrides,
});
const withSource = (extra: Json): Json => base({ sources: [{ addresses: ['queue'], authorizationContext: ['integration:example'], ...extra }] });

function asConnection(json: Json): Json | undefined {
  if ('connectionType' in json) {
    // The spec elides certificate contents ("..."); use a real one.
    return typeof json['ca'] === 'string' && json['ca'].includes('...') ? { ...json, ca: TEST_CERT } : json;
  }
  if ('input' in json && 'filters' in json) return withSource({ enforcement: json });
  if ('includes' in json) return withSource({ acknowledgementRequests: json });
  if ('expectedResponseTypes' in json) return withSource({ replyTarget: json });
  if ('address' in json && 'topics' in json) return base({ targets: [json] });
  if ('mappingDefinitions' in json) {
    const definitions = json['mappingDefinitions'] as Json;
    return base({ mappingDefinitions: definitions, sources: [{ addresses: ['q'], authorizationContext: ['a:b'], payloadMapping: Object.keys(definitions) }] });
  }
  if ('sshTunnel' in json) return base(json);
  return undefined;
}

const examples = specJsonBlocks()
  .map(({ file, line, json }) => ({ where: `${file}:${line}`, connection: typeof json === 'object' && json !== null ? asConnection(json as Json) : undefined }))
  .filter((example): example is { where: string; connection: Json } => example.connection !== undefined);

describe('examples of the shared specification', () => {
  it('include the complete connection and the fragments', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)('$where validates', ({ connection }) => {
    const result = validateConnection(connection);
    expect(result.valid ? 'valid' : result.error).toBe('valid');
  });
});
