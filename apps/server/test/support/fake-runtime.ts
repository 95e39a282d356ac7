import { DittoError, maskPassword, type JsonObject } from '@twinlink/core';
import { Registry } from 'prom-client';
import type { CommandOptions, CommandResult, ConnectivityCommand } from '../../src/connections/connectivity-command.js';
import type { ConnectivityRuntime } from '../../src/runtime.js';

function notFound(id: string): DittoError {
  return new DittoError({
    status: 404,
    error: 'connectivity:connection.notfound',
    message: `The Connection with ID '${id}' could not be found or requester had insufficient permissions to access it.`,
  });
}

function masked(connection: JsonObject): JsonObject {
  return typeof connection['uri'] === 'string' ? { ...connection, uri: maskPassword(connection['uri']) } : connection;
}

const response = (name: string, status: number, payload: JsonObject = {}): CommandResult => ({
  type: `connectivity.responses:${name}`,
  status,
  payload,
});

/**
 * An in-memory stand-in of the engine for tests of the HTTP layer: a map of connections with
 * Ditto's create/modify/retrieve/delete answers and static status, metrics and logs. It records
 * every command; `override` replaces the answer for a test.
 */
export class FakeRuntime implements ConnectivityRuntime {
  readonly commands: { command: ConnectivityCommand; options: CommandOptions | undefined }[] = [];
  readonly store = new Map<string, JsonObject>();
  /** Revision per connection id, counted like the journal's (create = 1). */
  readonly revisions = new Map<string, number>();
  readonly metricsRegistry = new Registry();
  readonly bindings = {
    loaded: [{ packageName: '@twinlink/binding-fake', packageVersion: '1.0.0', apiVersion: '1', connectionTypes: ['fake'], source: 'builtin' as const }],
    skipped: [],
  };
  override: ((command: ConnectivityCommand) => Promise<CommandResult>) | undefined;

  readonly connections = {
    execute: async (command: ConnectivityCommand, options?: CommandOptions): Promise<CommandResult> => {
      this.commands.push({ command, options });
      return this.override ? this.override(command) : this.answer(command);
    },
  };

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** The last command the HTTP layer executed. */
  get last(): ConnectivityCommand | undefined {
    return this.commands.at(-1)?.command;
  }

  private existing(id: string): JsonObject {
    const connection = this.store.get(id);
    if (!connection) throw notFound(id);
    return connection;
  }

  private async answer(command: ConnectivityCommand): Promise<CommandResult> {
    switch (command.type) {
      case 'createConnection':
      case 'modifyConnection': {
        const connection = command.connection as JsonObject;
        const id = String(connection['id']);
        const existed = this.store.has(id);
        if (existed && command.type === 'createConnection') {
          throw new DittoError({ status: 409, error: 'connectivity:connection.conflict', message: `The Connection with ID '${id}' was already created.` });
        }
        this.store.set(id, connection);
        this.revisions.set(id, (this.revisions.get(id) ?? 0) + 1);
        return existed ? response('modifyConnection', 204, { connectionId: id }) : response('createConnection', 201, { connection: masked(connection) });
      }
      case 'testConnection':
        return response('testConnection', 200, { connectionId: String((command.connection as JsonObject)['id']), testResult: 'ok' });
      case 'retrieveConnection': {
        const connection = { ...masked(this.existing(command.connectionId)) };
        if (command.selectedFields?.includes('_revision')) connection['_revision'] = this.revisions.get(command.connectionId) ?? 0;
        return response('retrieveConnection', 200, { connection });
      }
      case 'deleteConnection':
        this.existing(command.connectionId);
        this.store.delete(command.connectionId);
        return response('deleteConnection', 204, { connectionId: command.connectionId });
      case 'retrieveConnectionStatus':
        this.existing(command.connectionId);
        return response('retrieveConnectionStatus', 200, { connectionId: command.connectionId, connectionStatus: 'closed', liveStatus: 'closed' });
      case 'retrieveConnectionMetrics':
        this.existing(command.connectionId);
        return response('retrieveConnectionMetrics', 200, { connectionId: command.connectionId, containsFailures: false });
      case 'retrieveConnectionLogs':
        this.existing(command.connectionId);
        return response('retrieveConnectionLogs', 200, { connectionId: command.connectionId, connectionLogs: [], enabledSince: null, enabledUntil: null });
      case 'retrieveAllConnectionIds':
        return response('retrieveAllConnectionIds', 200, { connectionIds: [...this.store.keys()].sort() });
      case 'retrieveConnections': {
        const ids = [...this.store.keys()].sort();
        return { ...response('retrieveConnections', 200), list: command.idsOnly ? ids : ids.map((id) => masked(this.existing(id))) };
      }
      case 'sudoRetrieveConnectionIdsByTag':
        return { type: 'connectivity.sudo.responses:sudoRetrieveConnectionIdsByTag', status: 200, payload: { connectionIds: [] } };
      case 'sudoRetrieveConnectionTags':
        return { type: 'connectivity.sudo.responses:sudoRetrieveConnectionTags', status: 200, payload: { connectionTags: [] } };
      case 'sudoAddConnectionLogEntry':
        return { type: 'connectivity.sudo.responses:sudoAddConnectionLogEntry', status: 200, payload: {} };
      default:
        this.existing(command.connectionId);
        return response(command.type, 200, { connectionId: command.connectionId });
    }
  }
}
