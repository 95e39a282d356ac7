import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const SHARDING = '/system/sharding/connection';
const IDS = '/user/connectivityRoot/connectionIdsRetrieval';
const TEXT = { 'content-type': 'text/plain' };

describe('every management command in both API forms (real process)', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await ServiceProcess.start();
  });
  afterAll(() => service.cleanup());

  const pb = async (piggybackCommand: Record<string, unknown>, targetActorSelection = SHARDING) => {
    const res = await service.call('POST', '/devops/piggyback/connectivity', { body: { targetActorSelection, headers: {}, piggybackCommand } });
    expect(res.status).toBe(200);
    return res.json().connectivity['int-test'];
  };

  it('runs the lifecycle through /api/2/connections', async () => {
    const connection = loopbackConnection({ uri: `loop://127.0.0.1:${await freePort()}` });
    expect((await service.call('POST', '/api/2/connections?dry-run=true', { body: connection })).status).toBe(200);
    const created = await service.call('POST', '/api/2/connections', { body: connection });
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    const path = `/api/2/connections/${id}`;
    expect(created.headers.get('location')).toBe(`${service.baseUrl}${path}`);

    expect((await service.call('GET', `${path}?fields=id,name,_revision`)).json()).toEqual({ id, name: 'loopback', _revision: 1 });
    expect((await service.call('PUT', path, { body: { ...connection, name: 'renamed' } })).status).toBe(204);
    for (const command of ['openConnection', 'enableConnectionLogs', 'resetConnectionLogs', 'resetConnectionMetrics']) {
      const res = await service.call('POST', `${path}/command`, { body: `connectivity.commands:${command}`, headers: TEXT });
      expect(res.status).toBe(200);
    }
    expect((await service.call('GET', `${path}/status`)).json()).toMatchObject({
      type: 'connectivity.responses:retrieveConnectionStatus',
      status: 200,
      connectionId: id,
      connectionStatus: 'open',
    });
    expect((await service.call('GET', `${path}/metrics`)).json()).toMatchObject({ type: 'connectivity.responses:retrieveConnectionMetrics', connectionId: id });
    expect(Object.keys((await service.call('GET', `${path}/logs`)).json()).sort()).toEqual(['connectionId', 'connectionLogs', 'enabledSince', 'enabledUntil']);
    expect((await service.call('POST', `${path}/command`, { body: 'connectivity.commands:closeConnection', headers: TEXT })).status).toBe(200);
    expect((await service.call('GET', '/api/2/connections?ids-only=true')).json()).toContain(id);
    expect((await service.call('DELETE', path)).status).toBe(204);
    expect((await service.call('GET', path)).status).toBe(404);
  });

  it('runs the lifecycle through the piggyback API', async () => {
    const connection = loopbackConnection({ id: 'pb-life', uri: `loop://127.0.0.1:${await freePort()}` });
    expect(await pb({ type: 'connectivity.commands:testConnection', connection: { ...connection, id: 'pb-test' } })).toMatchObject({
      type: 'connectivity.responses:testConnection',
      status: 200,
    });
    expect(await pb({ type: 'connectivity.commands:createConnection', connection })).toMatchObject({ status: 201, connection: { id: 'pb-life' } });
    expect(await pb({ type: 'connectivity.commands:retrieveConnection', connectionId: 'pb-life' })).toMatchObject({
      type: 'connectivity.responses:retrieveConnection',
      status: 200,
      connection: { id: 'pb-life' },
    });
    expect(await pb({ type: 'connectivity.commands:modifyConnection', connection: { ...connection, name: 'x' } })).toMatchObject({
      type: 'connectivity.responses:modifyConnection',
      status: 204,
      connectionId: 'pb-life',
    });
    for (const name of ['openConnection', 'enableConnectionLogs', 'resetConnectionLogs', 'resetConnectionMetrics', 'closeConnection']) {
      expect(await pb({ type: `connectivity.commands:${name}`, connectionId: 'pb-life' })).toEqual({
        type: `connectivity.responses:${name}`,
        status: 200,
        connectionId: 'pb-life',
      });
    }
    for (const name of ['retrieveConnectionStatus', 'retrieveConnectionMetrics', 'retrieveConnectionLogs']) {
      expect(await pb({ type: `connectivity.commands:${name}`, connectionId: 'pb-life' })).toMatchObject({
        type: `connectivity.responses:${name}`,
        status: 200,
        connectionId: 'pb-life',
      });
    }
    expect(await pb({ type: 'connectivity.commands:retrieveAllConnectionIds' }, IDS)).toMatchObject({
      type: 'connectivity.responses:retrieveAllConnectionIds',
      connectionIds: expect.arrayContaining(['pb-life']),
    });
    expect(await pb({ type: 'connectivity.commands:deleteConnection', connectionId: 'pb-life' })).toEqual({
      type: 'connectivity.responses:deleteConnection',
      status: 204,
      connectionId: 'pb-life',
    });
    expect(await pb({ type: 'connectivity.commands:retrieveConnection', connectionId: 'pb-life' })).toMatchObject({ status: 404 });
  });
});
