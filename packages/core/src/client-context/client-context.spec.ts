import { parseConnectionUri } from '../model/connection-uri.js';
import { parseConnection } from '../model/parse-connection.js';
import { createHostValidator } from './host-validator.js';
import { buildTlsOptions } from './tls-options.js';

function connection(extra: Record<string, unknown>) {
  return parseConnection({
    id: 'c1',
    connectionType: 'mqtt',
    connectionStatus: 'open',
    uri: 'ssl://broker.example:8883',
    targets: [{ address: 't', topics: ['_/_/things/twin/events'], authorizationContext: ['s'] }],
    ...extra,
  });
}

describe('buildTlsOptions', () => {
  it('is undefined for a plain scheme', () => {
    const c = connection({ uri: 'tcp://broker:1883' });
    expect(buildTlsOptions(c, parseConnectionUri(c.uri), ['ssl'])).toBeUndefined();
  });

  it('verifies the server with the given ca and adds the client key pair', () => {
    const c = connection({ ca: 'CA', credentials: { type: 'client-cert', cert: 'CERT', key: 'KEY' } });
    expect(buildTlsOptions(c, parseConnectionUri(c.uri), ['ssl'])).toEqual({ ca: 'CA', cert: 'CERT', key: 'KEY', rejectUnauthorized: true, servername: 'broker.example' });
  });

  it('trusts any certificate and skips host verification when validateCertificates is false', () => {
    const c = connection({ uri: 'ssl://10.0.0.1:8883', validateCertificates: false });
    const options = buildTlsOptions(c, parseConnectionUri(c.uri), ['ssl']);
    expect(options?.rejectUnauthorized).toBe(false);
    expect(options?.checkServerIdentity?.()).toBeUndefined();
    expect(options).not.toHaveProperty('servername');
  });
});

describe('createHostValidator', () => {
  it('allows everything when blocking is off', async () => {
    await expect(createHostValidator().assertAllowed('127.0.0.1')).resolves.toBeUndefined();
  });

  it('rejects blocked hosts with a misconfigured BindingError', async () => {
    const validator = createHostValidator({ blockedHostnames: ['evil.example'] });
    await expect(validator.assertAllowed('127.0.0.1')).rejects.toMatchObject({ code: 'TWINLINK_ERR_HOST_BLOCKED', kind: 'misconfigured' });
    await expect(validator.assertAllowed('evil.example')).rejects.toMatchObject({ code: 'TWINLINK_ERR_HOST_BLOCKED' });
  });

  it('allows hosts on the allow list', async () => {
    const validator = createHostValidator({ blockedHostnames: ['x'], allowedHostnames: ['localhost'] });
    await expect(validator.assertAllowed('localhost')).resolves.toBeUndefined();
  });
});
