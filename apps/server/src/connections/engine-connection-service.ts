import type { JsonObject } from '@twinlink/core';
import { parseFieldSelector, selectFields } from '@twinlink/core';
import { parseLogEntry } from '../observability/logs/log-entry.js';
import type { ConnectionMonitoring } from '../observability/connection-monitoring.js';
import { connectionStatusReport } from '../observability/status/connection-status-report.js';
import type { StoredConnection } from '../persistence/connection-journal.js';
import type { ConnectionEngine } from './connection-engine.js';
import { connectionHistoryNotFound, connectionNotFound, logEntryInvalid, tooManyConnections } from './connection-errors.js';
import type { ConnectionService } from './connection-service.js';
import type { ConnectionStore } from './connection-store.js';
import type { CommandOptions, CommandResult, ConnectivityCommand, HistoricalPoint } from './connectivity-command.js';
import { KeyedQueue } from './command-queue.js';
import type { LifecycleCommands } from './lifecycle-commands.js';
import { maskSecrets } from './secret-masking.js';

const RESPONSE = 'connectivity.responses:';
const SUDO_RESPONSE = 'connectivity.sudo.responses:';

/** Most full connections `retrieveConnections` returns (Ditto's connections retrieve limit, §2.2). */
export const CONNECTIONS_RETRIEVE_LIMIT = 100;

/**
 * The {@link ConnectionService} of the engine: commands on one connection run one after another
 * (§4.9); lifecycle commands go to {@link LifecycleCommands}, the rest are answered here from the
 * store, the engine and the monitoring. Every connection returned is masked.
 */
export class EngineConnectionService implements ConnectionService {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly store: ConnectionStore,
    private readonly engine: ConnectionEngine,
    private readonly lifecycle: LifecycleCommands,
    private readonly monitoring: ConnectionMonitoring,
    private readonly instanceId: string,
  ) {}

  execute(command: ConnectivityCommand, options: CommandOptions = {}): Promise<CommandResult> {
    const key = keyOf(command);
    return key === undefined ? this.handle(command, options) : this.queue.run(key, () => this.handle(command, options));
  }

  private async handle(command: ConnectivityCommand, options: CommandOptions): Promise<CommandResult> {
    switch (command.type) {
      case 'createConnection':
        return this.lifecycle.create(command.connection);
      case 'modifyConnection':
        return this.lifecycle.modify(command.connection, options);
      case 'testConnection':
        return this.lifecycle.test(command.connection);
      case 'openConnection':
        return this.lifecycle.open(command.connectionId);
      case 'closeConnection':
        return this.lifecycle.close(command.connectionId);
      case 'deleteConnection':
        return this.lifecycle.delete(command.connectionId);
      case 'retrieveConnection': {
        const stored = command.at ? await this.historical(command.connectionId, command.at) : await this.existing(command.connectionId);
        return ok('retrieveConnection', { connection: this.view(stored, command.selectedFields) });
      }
      case 'retrieveConnections':
        return this.retrieveConnections(command.idsOnly, command.selectedFields);
      case 'retrieveAllConnectionIds':
        return ok('retrieveAllConnectionIds', { connectionIds: (await this.sorted()).map((stored) => stored.connectionId) });
      case 'retrieveConnectionStatus': {
        const stored = await this.existing(command.connectionId);
        const desired = String(stored.connection?.['connectionStatus'] ?? 'unknown') as Parameters<typeof connectionStatusReport>[0]['desiredStatus'];
        const report = connectionStatusReport({ connectionId: command.connectionId, desiredStatus: desired, clients: this.engine.statuses(command.connectionId), instanceId: this.instanceId, closedSince: this.engine.lastClosed(command.connectionId) });
        return ok('retrieveConnectionStatus', report);
      }
      case 'retrieveConnectionMetrics':
        await this.existing(command.connectionId);
        return ok('retrieveConnectionMetrics', { connectionId: command.connectionId, ...this.monitoring.metricsJson(command.connectionId, this.engine.isRunning(command.connectionId)) });
      case 'resetConnectionMetrics':
        await this.existing(command.connectionId);
        this.monitoring.resetMetrics(command.connectionId);
        return ok('resetConnectionMetrics', { connectionId: command.connectionId });
      case 'enableConnectionLogs':
        await this.existing(command.connectionId);
        this.monitoring.enableLogs(command.connectionId);
        return ok('enableConnectionLogs', { connectionId: command.connectionId });
      case 'retrieveConnectionLogs':
        await this.existing(command.connectionId);
        return ok('retrieveConnectionLogs', { connectionId: command.connectionId, ...this.monitoring.logsJson(command.connectionId, this.engine.isRunning(command.connectionId)) });
      case 'resetConnectionLogs':
        await this.existing(command.connectionId);
        this.monitoring.resetLogs(command.connectionId);
        return ok('resetConnectionLogs', { connectionId: command.connectionId });
      case 'sudoRetrieveConnectionTags': {
        const stored = await this.existing(command.connectionId);
        return { type: `${SUDO_RESPONSE}sudoRetrieveConnectionTags`, status: 200, payload: { connectionTags: (stored.connection?.['tags'] as string[] | undefined) ?? [] } };
      }
      case 'sudoRetrieveConnectionIdsByTag': {
        const ids = (await this.sorted()).filter((stored) => ((stored.connection?.['tags'] as string[] | undefined) ?? []).includes(command.tag)).map((stored) => stored.connectionId);
        return { type: `${SUDO_RESPONSE}sudoRetrieveConnectionIdsByTag`, status: 200, payload: { connectionIds: ids } };
      }
      case 'sudoAddConnectionLogEntry': {
        await this.existing(command.connectionId);
        const entry = parseLogEntry(command.logEntry);
        if (!entry) throw logEntryInvalid();
        this.monitoring.addLogEntry(command.connectionId, entry);
        return { type: `${SUDO_RESPONSE}sudoAddConnectionLogEntry`, status: 204, payload: { connectionId: command.connectionId } };
      }
    }
  }

  private async retrieveConnections(idsOnly: boolean, selectedFields: string | undefined): Promise<CommandResult> {
    const all = await this.sorted();
    if (idsOnly) {
      const ids = all.map((stored) => stored.connectionId);
      return { ...ok('retrieveConnections', { connections: ids }), list: ids };
    }
    if (all.length > CONNECTIONS_RETRIEVE_LIMIT) throw tooManyConnections(CONNECTIONS_RETRIEVE_LIMIT);
    const connections = all.map((stored) => this.view(stored, selectedFields));
    return { ...ok('retrieveConnections', { connections }), list: connections };
  }

  /** The masked connection; `_revision`, `_created`, `_modified` only when selected (§2.4). */
  private view(stored: StoredConnection, selectedFields: string | undefined): JsonObject {
    const masked = maskSecrets(stored.connection ?? {});
    if (selectedFields === undefined || selectedFields.trim() === '') return masked;
    // Connections hold arrays of sources and targets: `sources/addresses` selects inside each of them.
    return selectFields({ ...masked, _revision: stored.revision, _created: stored.created, _modified: stored.modified }, parseFieldSelector(selectedFields), { intoArrays: true }) as JsonObject;
  }

  private async sorted(): Promise<StoredConnection[]> {
    return (await this.store.all()).sort((a, b) => (a.connectionId < b.connectionId ? -1 : a.connectionId > b.connectionId ? 1 : 0));
  }

  private async historical(connectionId: string, point: HistoricalPoint): Promise<StoredConnection> {
    const stored = await this.store.at(connectionId, point);
    if (!stored) throw connectionHistoryNotFound(connectionId);
    return stored;
  }

  private async existing(connectionId: string): Promise<StoredConnection> {
    const stored = await this.store.current(connectionId);
    if (!stored) throw connectionNotFound(connectionId);
    return stored;
  }
}

function ok(name: string, payload: JsonObject): CommandResult {
  return { type: `${RESPONSE}${name}`, status: 200, payload };
}

/** The connection a command concerns, for sequential processing; list commands need no key. */
function keyOf(command: ConnectivityCommand): string | undefined {
  if ('connectionId' in command) return command.connectionId;
  if ('connection' in command) {
    const id = typeof command.connection === 'object' && command.connection !== null ? (command.connection as Record<string, unknown>)['id'] : undefined;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}
