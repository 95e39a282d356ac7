import { maskSecrets, restoreMaskedSecrets } from './secret-masking.js';

const STORED = {
  id: 'c',
  uri: 'amqps://user:p%40ss@broker:5671',
  credentials: { type: 'hmac', algorithm: 'aws4-hmac-sha256', parameters: { region: 'eu', accessKey: 'AK', secretKey: 'SK' } },
  sshTunnel: { enabled: true, uri: 'ssh://host:22', credentials: { type: 'plain', username: 'u', password: 'PW' } },
};

describe('maskSecrets', () => {
  it('masks URI passwords and credential secrets, nothing else', () => {
    expect(maskSecrets(STORED)).toEqual({
      id: 'c',
      uri: 'amqps://user:*****@broker:5671',
      credentials: { type: 'hmac', algorithm: 'aws4-hmac-sha256', parameters: { region: 'eu', accessKey: 'AK', secretKey: '*****' } },
      sshTunnel: { enabled: true, uri: 'ssh://host:22', credentials: { type: 'plain', username: 'u', password: '*****' } },
    });
  });

  it('puts stored secrets back where the masked value came back, and keeps new values', () => {
    const incoming = { ...maskSecrets(STORED), sshTunnel: { ...STORED.sshTunnel, credentials: { type: 'plain', username: 'u', password: 'NEW' } } };
    expect(restoreMaskedSecrets(incoming, STORED)).toEqual({ ...STORED, sshTunnel: { ...STORED.sshTunnel, credentials: { type: 'plain', username: 'u', password: 'NEW' } } });
  });

  it('does not put a stored password into a URI whose user or host changed', () => {
    const incoming = { ...maskSecrets(STORED), uri: 'amqps://other:*****@broker:5671' };
    expect((restoreMaskedSecrets(incoming, STORED) as Record<string, unknown>)['uri']).toBe('amqps://other:*****@broker:5671');
  });
});
