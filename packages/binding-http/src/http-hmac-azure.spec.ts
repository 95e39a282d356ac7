import { createHmac } from 'node:crypto';
import { parseConfigDuration } from '@twinlink/core';
import { AzMonitorSigner, AzSaslSigner } from './http-hmac-azure.js';

const key = Buffer.from('secret-key').toString('base64');
const now = new Date('2021-06-01T10:00:00Z');

describe('AzMonitorSigner', () => {
  it('signs method, length, content type, date and path with the Base64 key', () => {
    const body = new TextEncoder().encode('[{"a":1}]');
    const headers = new AzMonitorSigner({ workspaceId: 'ws', sharedKey: key }).sign(
      { method: 'POST', host: 'ws.ods.opinsights.azure.com', path: '/api/logs?api-version=2016-04-01', headers: { 'content-type': 'application/json' }, body },
      now,
    );
    const expected = createHmac('sha256', Buffer.from('secret-key'))
      .update('POST\n9\napplication/json\nx-ms-date:Tue, 01 Jun 2021 10:00:00 GMT\n/api/logs')
      .digest('base64');
    expect(headers).toEqual({ 'x-ms-date': 'Tue, 01 Jun 2021 10:00:00 GMT', authorization: `SharedKey ws:${expected}` });
  });

  it('rejects a key that is not Base64', () => {
    expect(() => new AzMonitorSigner({ workspaceId: 'ws', sharedKey: 'not base64!' })).toThrow(/Base64/);
  });
});

describe('AzSaslSigner', () => {
  it('issues a shared access signature for the host, valid 7 days by default', () => {
    const headers = new AzSaslSigner({ sharedKeyName: 'RootManageSharedAccessKey', sharedKey: key }, parseConfigDuration).sign(
      { method: 'POST', host: 'hub.servicebus.windows.net', path: '/', headers: {}, body: undefined },
      now,
    );
    const expiry = now.getTime() / 1000 + 7 * 86400;
    const signature = createHmac('sha256', Buffer.from('secret-key')).update(`hub.servicebus.windows.net\n${expiry}`).digest('base64');
    expect(headers['authorization']).toBe(`SharedAccessSignature sr=hub.servicebus.windows.net&sig=${encodeURIComponent(signature)}&se=${expiry}&skn=RootManageSharedAccessKey`);
  });

  it('takes the endpoint as resource and an ISO-8601 or HOCON ttl', () => {
    const iso = new AzSaslSigner({ sharedKeyName: 'k', sharedKey: key, endpoint: 'sb://hub/x', ttl: 'PT15M' }, parseConfigDuration);
    const request = { method: 'POST', host: 'ignored', path: '/', headers: {}, body: undefined };
    expect(iso.sign(request, now)['authorization']).toMatch(new RegExp(`^SharedAccessSignature sr=sb%3A%2F%2Fhub%2Fx&sig=.+&se=${now.getTime() / 1000 + 900}&skn=k$`));
    const hocon = new AzSaslSigner({ sharedKeyName: 'k', sharedKey: key, ttl: '1h' }, parseConfigDuration);
    expect(hocon.token('h', now)).toContain(`&se=${now.getTime() / 1000 + 3600}&`);
    expect(() => new AzSaslSigner({ sharedKeyName: 'k', sharedKey: key, ttl: 'later' }, parseConfigDuration)).toThrow(/ttl/);
  });
});
