import { DittoError } from '@twinlink/core';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const SHARDING = '/system/sharding/connection';
const IDS = '/user/connectivityRoot/connectionIdsRetrieval';
const connection = { id: 'pb-1', connectionType: 'fake', connectionStatus: 'closed', uri: 'fake://u:p@h:1', sources: [], targets: [] };

describe('POST /devops/piggyback/connectivity', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.app.close());

  const piggyback = (body: unknown, path = '/devops/piggyback/connectivity') => t.call('POST', path, { body });
  const envelope = (piggybackCommand: object, headers: object = {}, targetActorSelection = SHARDING) => ({ targetActorSelection, headers, piggybackCommand });

  it('wraps the inner response under service and instance when aggregating (the default)', async () => {
    const res = await piggyback(envelope({ type: 'connectivity.commands:createConnection', connection }));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      connectivity: {
        'test-instance': {
          type: 'connectivity.responses:createConnection',
          status: 201,
          connection: { ...connection, uri: 'fake://u:*****@h:1' },
        },
      },
    });
  });

  it('answers the bare inner response for aggregate false, parsed like a Java boolean', async () => {
    await piggyback(envelope({ type: 'connectivity.commands:createConnection', connection }));
    const res = await piggyback(envelope({ type: 'connectivity.commands:openConnection', connectionId: 'pb-1' }, { aggregate: 'False' }));
    expect(res.json()).toEqual({ type: 'connectivity.responses:openConnection', status: 200, connectionId: 'pb-1' });
    const viaQuery = await piggyback(envelope({ type: 'connectivity.commands:closeConnection', connectionId: 'pb-1' }), '/devops/piggyback/connectivity?aggregate=false');
    expect(viaQuery.json().type).toBe('connectivity.responses:closeConnection');
  });

  it('returns handler errors as bare error JSON with HTTP 200', async () => {
    const res = await piggyback(envelope({ type: 'connectivity.commands:retrieveConnection', connectionId: 'missing' }, { aggregate: false }));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 404, error: 'connectivity:connection.notfound' });
    expect(res.json().type).toBeUndefined();
  });

  it('passes ditto-sudo and selectedFields to the engine', async () => {
    await piggyback(envelope({ type: 'connectivity.commands:retrieveConnection', connectionId: 'x', selectedFields: 'id' }, { 'ditto-sudo': true }));
    expect(t.runtime.commands.at(-1)).toEqual({ command: { type: 'retrieveConnection', connectionId: 'x', selectedFields: 'id' }, options: { sudo: true } });
  });

  it('answers an unknown command type with a json.type.notparsable error envelope', async () => {
    const res = await piggyback(envelope({ type: 'connectivity.commands:fly' }, { aggregate: false }));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      type: 'devops.responses:errorResponse',
      status: 400,
      serviceName: 'connectivity',
      instance: 'test-instance',
      payload: {
        status: 400,
        error: 'json.type.notparsable',
        message:
          'ExecutePiggybackCommand with PiggybackCommand <connectivity.commands:fly> cannot be executed by this service as there is no mapping strategy for it!',
      },
    });
  });

  it('answers inner parsing errors in an error envelope', async () => {
    const res = await piggyback(envelope({ type: 'connectivity.commands:openConnection' }));
    expect(res.json().connectivity['test-instance']).toMatchObject({
      type: 'devops.responses:errorResponse',
      status: 400,
      payload: { error: 'json.field.missing', message: 'JSON did not include required </connectionId> field!' },
    });
  });

  it('answers 503 ask.error for a selection that does not handle the command', async () => {
    for (const [selection, type] of [
      [IDS, 'connectivity.commands:openConnection'],
      [SHARDING, 'connectivity.commands:retrieveAllConnectionIds'],
      ['/user/somewhere', 'connectivity.commands:openConnection'],
      [SHARDING, 'connectivity.commands:migrateEncryptionStatus'],
    ] as const) {
      const res = await piggyback(envelope({ type, connectionId: 'c' }, { aggregate: false }, selection));
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ type: 'devops.responses:errorResponse', status: 503, payload: { status: 503, error: 'ask.error' } });
    }
    const list = await piggyback(envelope({ type: 'connectivity.commands:retrieveConnections', idsOnly: true }, { aggregate: false }));
    expect(list.json().payload.error).toBe('ask.error');
    expect(t.runtime.commands).toHaveLength(0);
  });

  it('retrieves all ids from the ids selection, also through its singleton path', async () => {
    await piggyback(envelope({ type: 'connectivity.commands:createConnection', connection }));
    for (const selection of [IDS, `${IDS}/singleton`]) {
      const res = await piggyback(envelope({ type: 'connectivity.commands:retrieveAllConnectionIds' }, {}, selection));
      expect(res.json()).toEqual({
        connectivity: { 'test-instance': { type: 'connectivity.responses:retrieveAllConnectionIds', status: 200, connectionIds: ['pb-1'] } },
      });
    }
  });

  it('rejects a malformed envelope with plain 400 error JSON', async () => {
    const notJson = await t.call('POST', '/devops/piggyback/connectivity', { body: '{"targetActorSelection":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json().error).toBe('json.invalid');
    const missing = await piggyback({ targetActorSelection: SHARDING, piggybackCommand: { type: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ error: 'json.field.missing', message: 'JSON did not include required </headers> field!' });
    const wrongType = await piggyback({ targetActorSelection: 1, headers: {}, piggybackCommand: {} });
    expect(wrongType.json()).toMatchObject({ status: 400, error: 'json.invalid' });
  });

  it('accepts the text/plain content type the Explorer UI sends', async () => {
    const res = await t.call('POST', '/devops/piggyback/connectivity', {
      body: JSON.stringify(envelope({ type: 'connectivity.commands:retrieveAllConnectionIds' }, {}, IDS)),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.json().connectivity['test-instance'].status).toBe(200);
  });

  it('answers 408 with null when the addressed instance or service is not this one', async () => {
    const body = envelope({ type: 'connectivity.commands:retrieveAllConnectionIds' }, {}, IDS);
    for (const path of ['/devops/piggyback/connectivity/other-instance', '/devops/piggyback/things']) {
      const res = await piggyback(body, path);
      expect(res.status).toBe(408);
      expect(res.text).toBe('null');
    }
    expect((await piggyback(body, '/devops/piggyback/connectivity/test-instance')).status).toBe(200);
  });

  it('answers unexpected engine failures with a bare 500 error inside a 200', async () => {
    t.runtime.override = async () => {
      throw new Error('boom');
    };
    const res = await piggyback(envelope({ type: 'connectivity.commands:openConnection', connectionId: 'c' }, { aggregate: false }));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 500, error: 'connectivity:internalerror' });
    t.runtime.override = async () => {
      throw new DittoError({ status: 409, error: 'connectivity:connection.conflict', message: 'exists' });
    };
    const conflict = await piggyback(envelope({ type: 'connectivity.commands:createConnection', connection }, { aggregate: false }));
    expect(conflict.json()).toEqual({ status: 409, error: 'connectivity:connection.conflict', message: 'exists' });
  });
});
