import { loopbackConnection, piggyback } from './support/connections.js';
import { ServiceProcess } from './support/service-process.js';

describe('error answers of the management API (real process)', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await ServiceProcess.start();
  });
  afterAll(() => service.cleanup());

  it('answers malformed JSON with 400 json.invalid, in both API forms', async () => {
    for (const path of ['/api/2/connections', '/devops/piggyback/connectivity']) {
      const res = await service.call('POST', path, { body: '{"connectionType": "test-loopback",' });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, error: 'json.invalid' });
    }
  });

  it('answers an unknown piggyback command type with a json.type.notparsable envelope', async () => {
    const res = await service.call('POST', '/devops/piggyback/connectivity', { body: piggyback({ type: 'connectivity.commands:explode' }) });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      type: 'devops.responses:errorResponse',
      status: 400,
      serviceName: 'connectivity',
      instance: 'int-test',
      payload: { status: 400, error: 'json.type.notparsable' },
    });
  });

  it('answers an unknown connection with 404 connectivity:connection.notfound', async () => {
    const http = await service.call('GET', '/api/2/connections/does-not-exist');
    expect(http.status).toBe(404);
    expect(http.json()).toMatchObject({
      error: 'connectivity:connection.notfound',
      message: "The Connection with ID 'does-not-exist' could not be found or requester had insufficient permissions to access it.",
    });
    for (const path of ['/status', '/metrics', '/logs']) expect((await service.call('GET', `/api/2/connections/does-not-exist${path}`)).status).toBe(404);
    const pb = await service.call('POST', '/devops/piggyback/connectivity', {
      body: piggyback({ type: 'connectivity.commands:openConnection', connectionId: 'does-not-exist' }),
    });
    expect(pb.json()).toMatchObject({ status: 404, error: 'connectivity:connection.notfound' });
  });

  it('answers a duplicate create with 409 connectivity:connection.conflict', async () => {
    const create = piggyback({ type: 'connectivity.commands:createConnection', connection: loopbackConnection({ id: 'dup-1' }) });
    expect((await service.call('POST', '/devops/piggyback/connectivity', { body: create })).json()).toMatchObject({ status: 201 });
    const again = await service.call('POST', '/devops/piggyback/connectivity', { body: create });
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ status: 409, error: 'connectivity:connection.conflict' });
  });

  it('answers invalid connections with 400 and stores nothing', async () => {
    const before = (await service.call('GET', '/api/2/connections?ids-only=true')).json();
    for (const invalid of [
      loopbackConnection({ connectionType: 'no-such-type' }),
      loopbackConnection({ uri: undefined }),
      loopbackConnection({ specificConfig: { failConnect: 'sometimes' } }),
      loopbackConnection({ clientCount: 0 }),
    ]) {
      const res = await service.call('POST', '/api/2/connections', { body: invalid });
      expect(res.status).toBe(400);
      expect(typeof res.json().error).toBe('string');
    }
    expect((await service.call('GET', '/api/2/connections?ids-only=true')).json()).toEqual(before);
  });

  it('answers a connection type whose binding is not installed with 400 naming the package to install', async () => {
    const kafka = { connectionType: 'kafka', connectionStatus: 'closed', uri: 'tcp://broker.example.com:9092', specificConfig: { bootstrapServers: 'broker.example.com:9092' }, targets: [{ address: 'events', topics: [], authorizationContext: ['integration:test'] }] };
    const res = await service.call('POST', '/api/2/connections', { body: kafka });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'connectivity:connection.configuration.invalid', message: "No binding is installed for connection type 'kafka'." });
    expect(res.json().description).toContain('@twinlink/binding-kafka');
  });

  it('answers bodies above the limit with 413 and keeps serving', async () => {
    const res = await service.call('POST', '/api/2/connections', { body: loopbackConnection({ name: 'x'.repeat(1024 * 1024 + 1) }) });
    expect(res.status).toBe(413);
    expect(res.json().status).toBe(413);
    expect((await service.call('GET', '/alive')).status).toBe(200);
  });

  it('answers bad ids, bad commands, wrong methods and unknown paths with Ditto error JSON', async () => {
    expect((await service.call('GET', `/api/2/connections/${'a'.repeat(101)}`)).json().error).toBe('connectivity:connection.id.invalid');
    const command = await service.call('POST', '/api/2/connections/dup-1/command', { body: 'open', headers: { 'content-type': 'text/plain' } });
    expect(command.json()).toMatchObject({ status: 400, error: 'connectivity:command.invalid' });
    expect((await service.call('PATCH', '/api/2/connections/dup-1')).status).toBe(405);
    const unknown = await service.call('GET', '/api/2/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json().status).toBe(404);
  });
});
