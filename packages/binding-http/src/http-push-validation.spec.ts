import { validateConnection } from '@twinlink/core';
import { httpConnection, withAddress } from '../test/connections.js';
import binding from './index.js';

const errorOf = (json: Record<string, unknown>) => {
  const result = validateConnection(json, { bindings: [binding] });
  return result.valid ? undefined : result.error.toJSON();
};
const invalid = (message: string, description?: string) =>
  expect.objectContaining({ status: 400, error: 'connectivity:connection.configuration.invalid', message, ...(description ? { description } : {}) });
const described = (address: string) => `Target of address '${address}' of connection 'http-1'`;
const METHODS = 'Supported methods are: PUT, PATCH, POST, GET, DELETE';

describe('http-push validation', () => {
  it('accepts a valid connection with every method', () => {
    expect(errorOf(httpConnection())).toBeUndefined();
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(errorOf(withAddress(`${method}:/x`))).toBeUndefined();
    expect(errorOf(withAddress('POST:'))).toBeUndefined();
    expect(errorOf(withAddress('PUT:events#{{topic:full}}'))).toBeUndefined();
  });

  it('accepts http and https only', () => {
    expect(errorOf(httpConnection({ uri: 'http://h:80' }))).toBeUndefined();
    expect(errorOf(httpConnection({ uri: 'tcp://h:80' }))).toEqual(
      expect.objectContaining({ error: 'connectivity:connection.uri.invalid', message: "The URI scheme 'tcp' is not valid for http-push." }),
    );
  });

  it('rejects sources', () => {
    const source = { addresses: ['a'], authorizationContext: ['integration:app'] };
    expect(errorOf(httpConnection({ sources: [source] }))).toEqual(invalid("A connection of type 'http-push' may not have any source."));
  });

  it('rejects addresses without a method or with an unsupported one', () => {
    expect(errorOf(withAddress('/no/method'))).toEqual(
      invalid(`${described('/no/method')}: Target address has invalid format. Expect '<VERB>:/<path>', for example 'POST:/api'.`, METHODS),
    );
    expect(errorOf(withAddress('post:/x'))).toEqual(invalid(`${described('post:/x')}: The method 'post' is not supported`, METHODS));
    expect(errorOf(withAddress('HEAD:/x'))).toEqual(invalid(`${described('HEAD:/x')}: The method 'HEAD' is not supported`, METHODS));
  });

  it('checks the placeholders of the whole address before its format', () => {
    expect(errorOf(withAddress('{{ nope:x }}/path'))?.message).toMatch(/address of target 0/);
    expect(errorOf(withAddress('POST:/{{ header:x }}/{{ thing:name }}'))).toBeUndefined();
  });

  it('checks the placeholders of target header mappings', () => {
    const target = { address: 'POST:/x', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:app'], headerMapping: { a: '{{ unknown:x }}' } };
    expect(errorOf(httpConnection({ targets: [target] }))).toBeDefined();
  });

  it.each([
    ['0', "The configured value '0' of 'parallelism' is invalid. It must be a positive integer."],
    ['-2', "The configured value '-2' of 'parallelism' is invalid. It must be a positive integer."],
    ['1.5', "The configured value '1.5' of 'parallelism' is invalid. It must be a positive integer."],
    ['x', "The configured value 'x' of 'parallelism' is invalid. It must be a positive integer."],
  ])('rejects parallelism %s', (value, message) => {
    expect(errorOf(httpConnection({ specificConfig: { parallelism: value } }))).toEqual(invalid(message));
  });

  it('rejects an idleTimeout outside [0, 60] s, a bare number being milliseconds', () => {
    expect(errorOf(httpConnection({ specificConfig: { idleTimeout: '61s' } }))).toEqual(invalid("Idle timeout '61' is not within the allowed range of [0, 60] seconds."));
    expect(errorOf(httpConnection({ specificConfig: { idleTimeout: '60000' } }))).toBeUndefined();
    expect(errorOf(httpConnection({ specificConfig: { idleTimeout: '0' } }))).toBeUndefined();
    expect(errorOf(httpConnection({ specificConfig: { idleTimeout: 'soon' } }))).toEqual(invalid("Idle timeout 'soon' is not within the allowed range of [0, 60] seconds."));
  });

  it('checks idleTimeout before parallelism before omitRequestBody', () => {
    const config = { idleTimeout: '2m', parallelism: '0', omitRequestBody: 'FOO' };
    expect(errorOf(httpConnection({ specificConfig: config }))?.message).toMatch(/^Idle timeout/);
    expect(errorOf(httpConnection({ specificConfig: { ...config, idleTimeout: '1s' } }))?.message).toMatch(/parallelism/);
  });

  it('accepts omitRequestBody as a comma list or an array of known methods, case-sensitively', () => {
    expect(errorOf(httpConnection({ specificConfig: { omitRequestBody: 'GET,HEAD,OPTIONS' } }))).toBeUndefined();
    expect(errorOf(httpConnection({ specificConfig: { omitRequestBody: ['PUT', 'DELETE'] } }))).toBeUndefined();
    expect(errorOf(httpConnection({ specificConfig: { omitRequestBody: '' } }))).toBeUndefined();
    expect(errorOf(httpConnection({ specificConfig: { omitRequestBody: 'get' } }))).toEqual(invalid("The configured value 'get' of 'omitRequestBody' is not a supported HTTP method."));
  });

  it('requires an https OAuth token endpoint (core rule)', () => {
    const credentials = { type: 'oauth-client-credentials', tokenEndpoint: 'http://auth.example.com/token', clientId: 'c', clientSecret: 's', requestedScopes: 'a' };
    expect(errorOf(httpConnection({ credentials }))).toEqual(
      invalid('The OAuth2 token endpoint must be accessed via HTTPS in order not to transmit the client secret in plain text.'),
    );
    expect(errorOf(httpConnection({ credentials: { ...credentials, tokenEndpoint: 'https://auth.example.com/token' } }))).toBeUndefined();
  });

  it('accepts hmac credentials but not together with URI credentials', () => {
    const credentials = { type: 'hmac', algorithm: 'az-sasl', parameters: { sharedKeyName: 'k', sharedKey: 'a2V5' } };
    expect(errorOf(httpConnection({ credentials }))).toBeUndefined();
    expect(errorOf(httpConnection({ credentials, uri: 'https://u:p@h:443' }))).toEqual(invalid('There are conflicting authentication mechanisms.'));
  });

  it('rejects an SSH tunnel, which it does not implement', () => {
    const sshTunnel = { enabled: true, uri: 'ssh://tunnel.example.com:22', credentials: { type: 'plain', username: 'u', password: 'p' }, validateHost: false };
    expect(errorOf(httpConnection({ sshTunnel }))?.message).toBe('SSH tunneling not supported.');
  });
});
