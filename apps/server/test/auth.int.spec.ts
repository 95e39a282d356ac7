import { ServiceProcess } from './support/service-process.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('DevOps authentication (real process)', () => {
  describe('with the default password', () => {
    let service: ServiceProcess;
    beforeAll(async () => {
      service = await ServiceProcess.start();
    });
    afterAll(() => service.cleanup());

    it.each([
      ['GET', '/api/2/connections'],
      ['POST', '/api/2/connections'],
      ['DELETE', '/api/2/connections/some-id'],
      ['POST', '/api/2/connections/some-id/command'],
      ['POST', '/devops/piggyback/connectivity'],
      ['GET', '/bindings'],
    ])('%s %s answers 401 with a challenge for missing and wrong credentials', async (method, path) => {
      for (const auth of [false as const, basic('devops', 'wrong'), basic('admin', 'foobar'), 'Bearer abc']) {
        const res = await service.call(method, path, { auth, body: method === 'GET' || method === 'DELETE' ? undefined : '{}' });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('Basic realm="DITTO-DEVOPS"');
        expect(res.json()).toMatchObject({ status: 401, error: 'gateway:authentication.failed' });
      }
    });

    it('leaves probes open', async () => {
      expect((await service.call('GET', '/alive', { auth: false })).status).toBe(200);
      expect((await service.call('GET', '/ready', { auth: false })).status).toBe(200);
    });

    it('warns loudly about the default password', () => {
      expect(service.logs).toContain("The DevOps password is the well-known default 'foobar'");
    });
  });

  describe('with TWINLINK_DEVOPS_PASSWORD', () => {
    const password = 'n0t-the-default-Pa55';
    let service: ServiceProcess;
    beforeAll(async () => {
      service = await ServiceProcess.start({ env: { TWINLINK_DEVOPS_PASSWORD: password } });
    });
    afterAll(() => service.cleanup());

    it('accepts only the configured password and never logs it', async () => {
      expect((await service.call('GET', '/api/2/connections')).status).toBe(401);
      expect((await service.call('GET', '/api/2/connections', { auth: basic('devops', password) })).status).toBe(200);
      expect(service.logs).not.toContain(password);
      expect(service.logs).not.toContain('well-known default');
    });
  });
});
