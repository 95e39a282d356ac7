import { createRequire } from 'node:module';
import fc from 'fast-check';
import { connectionToJson } from '../src/model/connection-to-json.js';
import { validateConnection } from '../src/validation/validate-connection.js';
import { dittoConnectionSchema } from './support/shared-spec.js';

// Every connection our validator accepts must also be valid against Ditto's published connection
// schema (read from ../shared, never copied). The generator stays inside what that schema models;
// the fields it does not know are pinned in the last test as deliberate, documented differences.

// Both are CommonJS packages whose typings describe an ES default export; require them as they are.
const require = createRequire(import.meta.url);
type SchemaValidator = ((data: unknown) => boolean) & { errors?: unknown };
interface SchemaCompiler { compile(schema: object): SchemaValidator; errorsText(errors?: unknown): string }
const Ajv = require('ajv-draft-04') as new (options: object) => SchemaCompiler;
const addFormats = (require('ajv-formats') as { default: (ajv: SchemaCompiler) => void }).default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const schemaValid = ajv.compile(dittoConnectionSchema());
const explain = () => ajv.errorsText(schemaValid.errors);

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const subject = fc.tuple(word, word).map(([a, b]) => `${a}:${b}`);
const template = fc.constantFrom('{{ header:device_id }}', '{{ thing:id }}', 'constant', '{{ header:x | fn:default(\'y\') }}', '{{ header:correlation-id }}');
const headerMapping = fc.dictionary(word, template, { maxKeys: 3 });
const mapper = fc.constantFrom('Ditto', 'Normalized', 'custom');
const topic = fc.constantFrom('_/_/things/twin/events', '_/_/things/live/messages', '_/_/things/live/events?namespaces=org.acme', '_/_/things/twin/events?filter=eq(attributes/a,1)', '_/_/policies/announcements');

const source = fc.record(
  {
    addresses: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
    consumerCount: fc.integer({ min: 1, max: 4 }),
    authorizationContext: fc.uniqueArray(subject, { minLength: 1, maxLength: 2 }),
    enforcement: fc.record({ input: fc.constant('{{ header:device_id }}'), filters: fc.constant(['{{ thing:id }}']) }),
    acknowledgementRequests: fc.record({ includes: fc.subarray(['twin-persisted', 'conn:custom']) }),
    declaredAcks: fc.subarray(['conn:a', 'conn:b']),
    headerMapping,
    payloadMapping: fc.array(mapper, { maxLength: 2 }),
    replyTarget: fc.record({ enabled: fc.constant(true), address: fc.constant('{{ header:reply-to }}'), headerMapping, expectedResponseTypes: fc.subarray(['response', 'error', 'nack']) }),
  },
  { requiredKeys: ['addresses', 'authorizationContext'] },
);
const target = fc.record(
  {
    address: fc.constantFrom('exchange/key', 'events/{{ thing:namespace }}', 'POST:/things/{{ thing:id }}'),
    topics: fc.uniqueArray(topic, { maxLength: 2 }),
    authorizationContext: fc.uniqueArray(subject, { minLength: 1, maxLength: 2 }),
    issuedAcknowledgementLabel: fc.constantFrom('conn:issued', 'live-response'),
    headerMapping,
    payloadMapping: fc.array(mapper, { maxLength: 2 }),
  },
  { requiredKeys: ['address', 'authorizationContext', 'topics'] },
);
const connection = fc.record(
  {
    id: fc.constantFrom('conn', 'conn', 'bad id'),
    name: word,
    connectionType: fc.constantFrom('amqp-091', 'amqp-10', 'kafka', 'http-push'),
    connectionStatus: fc.constantFrom('open', 'closed'),
    uri: fc.tuple(fc.constantFrom('amqp', 'amqps', 'tcp', 'ssl', 'http', 'https'), word, fc.integer({ min: 1, max: 65535 })).map(([s, h, p]) => `${s}://user:secret@${h}.example.com:${p}`),
    sources: fc.uniqueArray(source, { maxLength: 3, selector: (entry) => JSON.stringify(entry) }),
    targets: fc.uniqueArray(target, { maxLength: 3, selector: (entry) => JSON.stringify(entry) }),
    clientCount: fc.integer({ min: 1, max: 3 }),
    failoverEnabled: fc.boolean(),
    validateCertificates: fc.boolean(),
    processorPoolSize: fc.integer({ min: 1, max: 5 }),
    specificConfig: fc.dictionary(word, word, { maxKeys: 2 }),
    mappingDefinitions: fc.record({ custom: fc.record({ mappingEngine: fc.constant('Normalized'), options: fc.dictionary(word, word, { maxKeys: 2 }) }) }),
  },
  { requiredKeys: ['id', 'connectionType', 'connectionStatus', 'uri'] },
);

describe("Ditto's published connection schema", () => {
  it('accepts every connection our validator accepts, as sent and as we return it', () => {
    let accepted = 0;
    fc.assert(
      fc.property(connection, (json) => {
        const result = validateConnection(json);
        if (!result.valid) return;
        accepted += 1;
        // As sent over HTTP: plain JSON (the generator also makes null-prototype objects).
        expect(schemaValid(JSON.parse(JSON.stringify(json))) ? 'valid' : explain()).toBe('valid');
        const { tags: _tags, ...returned } = connectionToJson(result.connection);
        expect(schemaValid(returned) ? 'valid' : explain()).toBe('valid');
      }),
      { numRuns: 1500 },
    );
    // The property means something only if many generated connections were valid.
    expect(accepted).toBeGreaterThan(300);
  });

  it.each([
    ['tags', { tags: ['team-a'] }],
    ['an MQTT source qos', { connectionType: 'mqtt', uri: 'tcp://h:1883', sources: [{ addresses: ['t/#'], qos: 1, authorizationContext: ['a:b'] }] }],
    ["ssh credentials of type 'plain' (Ditto's runtime name)", { sshTunnel: { enabled: true, uri: 'ssh://j:22', credentials: { type: 'plain', username: 'u', password: 'p' }, validateHost: false } }],
    ['the desired status unknown', { connectionStatus: 'unknown' }],
    ['a topic listed twice (merged, as Ditto does)', { targets: [{ address: 'e/k', topics: ['_/_/things/twin/events', '_/_/things/twin/events'], authorizationContext: ['a:b'] }] }],
  ])('differs deliberately on %s, which Ditto accepts at runtime but its schema does not model', (_what, overrides) => {
    const json = { id: 'c', connectionType: 'amqp-091', connectionStatus: 'open', uri: 'amqp://h:5672', targets: [{ address: 'e/k', topics: [], authorizationContext: ['a:b'] }], ...overrides };
    expect(validateConnection(json).valid).toBe(true);
    expect(schemaValid(json)).toBe(false);
  });
});
