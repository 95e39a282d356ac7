import { TEST_CERT, TEST_KEY_PKCS1, TEST_KEY_PKCS8, amqpConnection } from '../../test/support/connections.js';
import { validateConnection } from './validate-connection.js';
import type { ValidateConnectionOptions } from './validate-connection.js';

const errorOf = (json: Record<string, unknown>, options?: ValidateConnectionOptions) => {
  const result = validateConnection(json, options);
  return result.valid ? undefined : result.error;
};
const invalid = (message: RegExp | string) => expect.objectContaining({ status: 400, error: 'connectivity:connection.configuration.invalid', message: expect.stringMatching(message) });
const source = { addresses: ['q'], authorizationContext: ['a:b'] };
const target = { address: 'e/k', topics: [], authorizationContext: ['a:b'] };

describe('limits', () => {
  it('allows 4 sources and 4 targets by default, not 5', () => {
    expect(errorOf(amqpConnection({ sources: Array(4).fill(source), targets: Array(4).fill(target) }))).toBeUndefined();
    expect(errorOf(amqpConnection({ sources: Array(5).fill(source) }))).toEqual(invalid('The number of configured sources or targets within a connection exceeded.'));
    expect(errorOf(amqpConnection({ targets: Array(5).fill(target) }))).toEqual(invalid('exceeded'));
  });

  it('takes configured limits', () => {
    expect(errorOf(amqpConnection({ sources: Array(2).fill(source) }), { limits: { maxSources: 1 } })).toEqual(invalid('exceeded'));
  });

  it('rejects empty source and target addresses', () => {
    expect(errorOf(amqpConnection({ sources: [{ ...source, addresses: [] }] }))).toEqual(invalid('^Source 0 of connection conn-1: addresses may not be empty.$'));
    expect(errorOf(amqpConnection({ sources: [{ ...source, addresses: ['a', ''] }] }))).toEqual(invalid('addresses may not be empty'));
    expect(errorOf(amqpConnection({ targets: [{ ...target, address: '' }] }))).toEqual(invalid('^Targets of connection conn-1: addresses may not be empty.$'));
  });

  it('allows 10 payload mappers per source or target, not 11', () => {
    expect(errorOf(amqpConnection({ sources: [{ ...source, payloadMapping: Array(10).fill('Ditto') }] }))).toBeUndefined();
    expect(errorOf(amqpConnection({ sources: [{ ...source, payloadMapping: Array(11).fill('Ditto') }] }))).toEqual(invalid('payload mappings exceeded the limit'));
  });
});

describe('mapping references', () => {
  it('accepts definitions and configuration-free aliases, rejects the rest', () => {
    const mappingDefinitions = { status: { mappingEngine: 'ConnectionStatus', options: { thingId: '{{ header:device_id }}' } } };
    expect(errorOf(amqpConnection({ mappingDefinitions, sources: [{ ...source, payloadMapping: ['Ditto', 'status', 'Normalized'] }] }))).toBeUndefined();
    expect(errorOf(amqpConnection({ sources: [{ ...source, payloadMapping: ['ConnectionStatus'] }] }))).toEqual(invalid('^The mapper ConnectionStatus could not be loaded.$'));
    expect(errorOf(amqpConnection({ mappingDefinitions: { m: { mappingEngine: 'Nope', options: {} } } }))).toEqual(invalid('The mapper m could not be loaded.'));
  });

  const withMapper = (definition: Record<string, unknown>, payloadMapping = ['m']) =>
    errorOf(amqpConnection({ mappingDefinitions: { m: definition }, sources: [{ ...source, payloadMapping }] }));

  it('reports a used definition without its mandatory options as not loadable', () => {
    expect(withMapper({ mappingEngine: 'ConnectionStatus', options: {} })).toEqual(
      expect.objectContaining({ message: 'The mapper m could not be loaded.', description: expect.stringContaining("property 'thingId' was missing") }),
    );
    expect(withMapper({ mappingEngine: 'ImplicitThingCreation', options: { commandHeaders: {} } })).toEqual(invalid('^The mapper m could not be loaded.$'));
  });

  it("reports bad option values with the mapper's own message", () => {
    expect(withMapper({ mappingEngine: 'ConnectionStatus', options: { thingId: 'no-thing-id' } })).toEqual(invalid("^Thing ID 'no-thing-id' is not valid!$"));
    expect(withMapper({ mappingEngine: 'ImplicitThingCreation', options: { thing: { attributes: {} } } })).toEqual(invalid("property 'thing/thingId' was missing"));
    expect(withMapper({ mappingEngine: 'Normalized', options: { fields: 'a(b' } })).toEqual(invalid('field selector'));
    expect(withMapper({ mappingEngine: 'RawMessage', options: { incomingMessageHeaders: { x: '{{ header:a | fn:nope() }}' } } })).toEqual(invalid('incomingMessageHeaders/x'));
    expect(withMapper({ mappingEngine: 'Ditto', options: { 'content-type-blocklist': { a: 1 } } })).toEqual(invalid('content-type-blocklist'));
  });

  it('accepts valid definitions by alias or class name, JavaScript by name, and leaves unused definitions to the engine check', () => {
    expect(withMapper({ mappingEngine: 'ConnectionStatus', options: { thingId: '{{ header:device_id }}' } })).toBeUndefined();
    expect(withMapper({ mappingEngine: 'ImplicitThingCreationMessageMapper', options: { thing: { thingId: '{{ header:id }}' } } })).toBeUndefined();
    expect(withMapper({ mappingEngine: 'JavaScript', options: { incomingScript: 'function mapToDittoProtocolMsg() { return null; }' } })).toBeUndefined();
    expect(withMapper({ mappingEngine: 'ConnectionStatus', options: {} }, ['Ditto'])).toBeUndefined();
    expect(errorOf(amqpConnection({ sources: [{ ...source, payloadMapping: ['ImplicitThingCreation'] }] }))).toEqual(invalid('^The mapper ImplicitThingCreation could not be loaded.$'));
    expect(errorOf(amqpConnection({ sources: [{ ...source, payloadMapping: ['JavaScript'] }] }))).toEqual(invalid('^The mapper JavaScript could not be loaded.$'));
  });

  it('accepts engines registered elsewhere by name', () => {
    expect(errorOf(amqpConnection({ mappingDefinitions: { m: { mappingEngine: 'Custom', options: {} } }, sources: [{ ...source, payloadMapping: ['m'] }] }), { mapperEngines: ['Custom'] })).toBeUndefined();
  });
});

describe('certificates', () => {
  it('accepts parseable PEM certificates and PKCS#8 keys', () => {
    expect(errorOf(amqpConnection({ ca: TEST_CERT + TEST_CERT, credentials: { type: 'client-cert', cert: TEST_CERT, key: TEST_KEY_PKCS8 } }))).toBeUndefined();
  });

  it.each([
    ['garbage as ca', { ca: 'nope' }, 'Trusted certificates: bad format'],
    ['a truncated ca', { ca: TEST_CERT.slice(0, 200) + '\n-----END CERTIFICATE-----' }, 'Trusted certificates: bad format'],
    ['a PKCS#1 key', { credentials: { type: 'client-cert', cert: TEST_CERT, key: TEST_KEY_PKCS1 } }, 'Client private key: bad format'],
    ['a key as certificate', { credentials: { type: 'client-cert', cert: TEST_KEY_PKCS8 } }, 'Client certificate: bad format'],
  ])('rejects %s', (_name, overrides, message) => {
    expect(errorOf(amqpConnection(overrides))).toEqual(invalid(message));
  });
});

describe('host blocking', () => {
  it('is off with an empty block list', () => {
    expect(errorOf(amqpConnection({ uri: 'amqp://127.0.0.1:5672' }))).toBeUndefined();
  });

  it('blocks loopback and listed hosts once a block list is given', () => {
    const options = { blockedHostnames: ['evil.example.com'] };
    expect(errorOf(amqpConnection({ uri: 'amqp://127.0.0.1:5672' }), options)).toEqual(invalid("^The configured host '127.0.0.1' may not be used for the connection because it is a loopback address.$"));
    expect(errorOf(amqpConnection({ uri: 'amqp://evil.example.com:5672' }), options)).toEqual(invalid('evil.example.com'));
    expect(errorOf(amqpConnection(), options)).toBeUndefined();
  });
});

describe('credentials', () => {
  const hmac = { type: 'hmac', algorithm: 'az-sasl', parameters: { sharedKeyName: 'k', sharedKey: 's', endpoint: 'e' } };
  const oauth = { type: 'oauth-client-credentials', tokenEndpoint: 'https://auth.example.com/token', clientId: 'c', clientSecret: 's', requestedScopes: 'a b' };
  const push = (credentials: unknown, uri = 'https://host.example.com:443') => ({ ...amqpConnection({ connectionType: 'http-push', uri, credentials }), sources: [] });

  it('accepts HMAC and OAuth on http-push', () => {
    expect(errorOf(push(hmac))).toBeUndefined();
    expect(errorOf(push(oauth))).toBeUndefined();
  });

  it.each([
    ['HMAC on amqp-091', amqpConnection({ uri: 'amqp://h:5672', credentials: hmac }), 'HMAC credentials are not supported for the connection type.'],
    ['HMAC with URI credentials', push(hmac, 'https://u:p@h:443'), 'There are conflicting authentication mechanisms.'],
    ['an unknown HMAC algorithm', push({ ...hmac, algorithm: 'md5' }), 'Unsupported HMAC algorithm: md5'],
    ['OAuth on amqp-091', amqpConnection({ credentials: oauth }), 'OAuth client credentials are only supported for HTTP connection type.'],
    ['a malformed token endpoint', push({ ...oauth, tokenEndpoint: 'not a url' }), "^Invalid token endpoint 'not a url' provided"],
    ['bad scopes', push({ ...oauth, requestedScopes: 'a  b' }), 'Invalid requested scopes'],
    ['an http token endpoint', push({ ...oauth, tokenEndpoint: 'http://auth.example.com/t' }), 'must be accessed via HTTPS'],
    ['plain credentials outside a tunnel', amqpConnection({ credentials: { type: 'plain', username: 'u', password: 'p' } }), 'ssh tunnel'],
  ])('rejects %s', (_name, json, message) => {
    expect(errorOf(json as Record<string, unknown>)).toEqual(invalid(message));
  });

  it('lets the token endpoint over http through when HTTPS is not enforced', () => {
    expect(errorOf(push({ ...oauth, tokenEndpoint: 'http://auth.example.com/t' }), { enforceHttps: false })).toBeUndefined();
  });

  it('applies host blocking to the token endpoint', () => {
    expect(errorOf(push({ ...oauth, tokenEndpoint: 'https://127.0.0.1/t' }), { blockedHostnames: ['x'] })).toEqual(invalid("host '127.0.0.1'"));
  });
});

describe('SSH tunnel', () => {
  const tunnel = { enabled: true, uri: 'ssh://jump.example.com:22', credentials: { type: 'plain', username: 'u', password: 'p' }, validateHost: true, knownHosts: ['MD5:e0:3a:34:1c'] };

  it('accepts a complete tunnel', () => {
    expect(errorOf(amqpConnection({ sshTunnel: tunnel }))).toBeUndefined();
  });

  it.each([
    ['host validation without fingerprints', { ...tunnel, knownHosts: [] }, 'Specify at least one fingerprint if host validation is enabled.'],
    ['a non-ssh scheme', { ...tunnel, uri: 'tcp://jump:22' }, "scheme 'tcp' is not valid"],
    ['an empty password', { ...tunnel, credentials: { type: 'plain', username: 'u', password: '' } }, 'non-empty username and password'],
    ['a malformed fingerprint', { ...tunnel, knownHosts: ['CRC32:ab'] }, "fingerprint 'CRC32:ab' is not valid"],
  ])('rejects %s', (_name, sshTunnel, message) => {
    expect(errorOf(amqpConnection({ sshTunnel }))).toEqual(invalid(message));
  });
});

describe('response diversion', () => {
  const diverting = (headerMapping: Record<string, string>, specificConfig: Record<string, string> = { 'is-diversion-source': 'true' }) =>
    amqpConnection({ specificConfig, sources: [{ ...source, headerMapping }] });

  it.each([
    ['topics on a diversion target', amqpConnection({ specificConfig: { 'is-diversion-target': 'true' }, targets: [{ ...target, topics: ['_/_/things/twin/events'] }] }), "^Connection conn-1 has topics configured in target 'e/k' but isDiversionTarget is true"],
    ['topics on a diversion target spelled TRUE', amqpConnection({ specificConfig: { 'is-diversion-target': 'TRUE' }, targets: [{ ...target, topics: ['_/_/things/twin/events'] }] }), 'isDiversionTarget is true'],
    ['diverting to itself', diverting({ 'divert-response-to-connection': 'conn-1' }), '^It is pointless to divert responses to the originating connection.* connection: conn-1$'],
    ['an empty diversion target', diverting({ 'divert-response-to-connection': ' ' }), '^The divert-response-to-connection in headerMapping must not be empty$'],
    ['a malformed diversion target', diverting({ 'divert-response-to-connection': 'other conn' }), '^Invalid target connection ID format in divert-response-to-connection: other conn$'],
    ['a placeholder as diversion target (dynamic diversion belongs in a payload mapper)', diverting({ 'divert-response-to-connection': '{{ header:divert }}' }), 'Invalid target connection ID format'],
    ['an unknown diverted response type', diverting({ 'divert-response-to-connection': 'other', 'divert-expected-response-types': 'response,ack' }), '^Invalid response type in <divert-expected-response-types>: ack. Valid types are: response, error, nack$'],
  ])('rejects %s', (_name, json, message) => {
    expect(errorOf(json)).toEqual(invalid(message));
  });

  it('checks the diversion target even when the connection is no diversion source', () => {
    expect(errorOf(diverting({ 'divert-response-to-connection': 'conn-1' }, {}))).toEqual(invalid('pointless'));
  });

  it('checks diverted response types only on a diversion source, and skips empty entries', () => {
    expect(errorOf(diverting({ 'divert-response-to-connection': 'other', 'divert-expected-response-types': 'ack' }, {}))).toBeUndefined();
    expect(errorOf(diverting({ 'divert-response-to-connection': 'other', 'divert-expected-response-types': ' response, ,nack ' }))).toBeUndefined();
    expect(errorOf(diverting({ 'divert-expected-response-types': '  ' }))).toBeUndefined();
  });

  it('rejects invalid authorized source connection ids of a diversion target with connection.id.invalid', () => {
    const targetWith = (ids: string) => amqpConnection({ specificConfig: { 'is-diversion-target': 'true', 'authorized-connections-as-sources': ids }, targets: [target] });
    expect(errorOf(targetWith('a, b c'))).toMatchObject({ status: 400, error: 'connectivity:connection.id.invalid', message: "The Connection ID 'b c' is not valid." });
    expect(errorOf(targetWith('a,,b'))).toMatchObject({ status: 400, error: 'connectivity:connection.id.invalid' });
    expect(errorOf(targetWith(' a , b:c '))).toBeUndefined();
    expect(errorOf(targetWith('  '))).toBeUndefined();
  });

  it('ignores the authorized sources of a connection that is no diversion target', () => {
    expect(errorOf(amqpConnection({ specificConfig: { 'authorized-connections-as-sources': 'a, b c' } }))).toBeUndefined();
  });

  it('accepts a complete source and target configuration', () => {
    expect(errorOf(diverting({ 'divert-response-to-connection': 'webhook', 'divert-expected-response-types': 'response,error,nack' }, { 'is-diversion-source': 'true', 'preserve-normal-response-via-source': 'true' }))).toBeUndefined();
    expect(errorOf(amqpConnection({ specificConfig: { 'is-diversion-target': 'true', 'authorized-connections-as-sources': 'conn-2,conn-3' }, targets: [target, { ...target, address: 'e/k2' }] }))).toBeUndefined();
  });
});
