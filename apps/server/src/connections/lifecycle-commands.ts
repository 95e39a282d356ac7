import { connectionToJson, DittoError, validateConnection } from '@twinlink/core';
import type { Connection, JsonObject } from '@twinlink/core';
import type { ConnectionMonitoring } from '../observability/connection-monitoring.js';
import type { StoredConnection } from '../persistence/connection-journal.js';
import type { ConnectionEngine } from './connection-engine.js';
import { connectionConflict, connectionNotFound, connectionTypeNotChangeable } from './connection-errors.js';
import type { ConnectionStore } from './connection-store.js';
import type { CommandOptions, CommandResult } from './connectivity-command.js';
import { maskSecrets, restoreMaskedSecrets } from './secret-masking.js';

const RESPONSE = 'connectivity.responses:';

/**
 * The commands that change a connection (management.md §4.2–§4.7): validate, persist, then start
 * or stop clients. Callers serialise commands per connection id.
 */
export class LifecycleCommands {
  private readonly testing = new Set<string>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly engine: ConnectionEngine,
    private readonly monitoring: ConnectionMonitoring,
  ) {}

  /** §4.2: 201 with the stored connection; an open one starts connecting after persisting, and connect errors do not change the answer. */
  async create(input: unknown): Promise<CommandResult> {
    const connection = this.validate(input);
    if (await this.store.current(connection.id)) throw connectionConflict(connection.id);
    return this.persistNew(connection);
  }

  /** §4.3: modify, or create when the id does not exist (then 201). */
  async modify(input: unknown, options: CommandOptions): Promise<CommandResult> {
    const id = idOf(input);
    const stored = id !== undefined ? await this.store.current(id) : undefined;
    if (!stored?.connection) return this.persistNew(this.validate(input));
    const connection = this.validate(restoreMaskedSecrets(input, stored.connection));
    const previousType = stored.connection['connectionType'];
    if (connection.connectionType !== previousType && !options.sudo) throw connectionTypeNotChangeable(connection.id, String(previousType));
    await this.store.append(connection.id, 'modified', connectionToJson(connection));
    await this.engine.stop(connection.id, true);
    if (connection.connectionStatus === 'open') {
      // The modification stays persisted even when connecting fails (504).
      await this.engine.awaitConnected(this.engine.start(connection));
    }
    return { type: `${RESPONSE}modifyConnection`, status: 204, payload: { connectionId: connection.id } };
  }

  /** §4.4: re-validate, enable logs, persist opened, start, wait for the clients (504 on failure, desired status stays open). */
  async open(connectionId: string): Promise<CommandResult> {
    const stored = await this.existing(connectionId);
    const connection = this.engine.revalidate({ ...stored, connectionStatus: 'open' });
    this.monitoring.enableLogs(connectionId);
    await this.store.append(connectionId, 'opened', connectionToJson(connection));
    await this.engine.awaitConnected(this.engine.runningConnection(connectionId) ?? this.engine.start(connection));
    return { type: `${RESPONSE}openConnection`, status: 200, payload: { connectionId } };
  }

  /** §4.5: persist closed, then the closed announcement, its delay and a graceful disconnect. Closing a closed connection is fine. */
  async close(connectionId: string): Promise<CommandResult> {
    const stored = await this.existing(connectionId);
    await this.store.append(connectionId, 'closed', { ...stored, connectionStatus: 'closed' });
    await this.engine.stop(connectionId, true);
    return { type: `${RESPONSE}closeConnection`, status: 200, payload: { connectionId } };
  }

  /** §4.6: persist deleted, close with announcement, discard metrics and logs. */
  async delete(connectionId: string): Promise<CommandResult> {
    await this.existing(connectionId);
    await this.store.append(connectionId, 'deleted');
    await this.engine.stop(connectionId, true);
    this.monitoring.forget(connectionId);
    return { type: `${RESPONSE}deleteConnection`, status: 204, payload: { connectionId } };
  }

  /** §4.7: validate, refuse existing ids and parallel tests (409), one temporary client, nothing persisted. */
  async test(input: unknown): Promise<CommandResult> {
    const connection = this.validate(input);
    if ((await this.store.current(connection.id)) || this.testing.has(connection.id)) {
      return { type: `${RESPONSE}testConnection`, status: 409, payload: { connectionId: connection.id, testResult: 'Connection was already created - no test possible' } };
    }
    this.testing.add(connection.id);
    try {
      const testResult = await this.engine.test(connection);
      return { type: `${RESPONSE}testConnection`, status: 200, payload: { connectionId: connection.id, testResult } };
    } finally {
      this.testing.delete(connection.id);
    }
  }

  /** Service start (§4.10): every connection whose desired status is open gets its clients again. */
  restore(stored: StoredConnection): void {
    if (!stored.connection || stored.connection['connectionStatus'] !== 'open') return;
    try {
      this.engine.start(this.engine.revalidate(stored.connection));
    } catch (error) {
      this.engine.markUnstartable(stored.connectionId, error instanceof Error ? error.message : String(error));
    }
  }

  private async persistNew(connection: Connection): Promise<CommandResult> {
    const json = connectionToJson(connection);
    const open = connection.connectionStatus === 'open';
    if (open) this.monitoring.enableLogs(connection.id);
    await this.store.append(connection.id, 'created', json);
    if (open) this.engine.start(connection);
    return { type: `${RESPONSE}createConnection`, status: 201, payload: { connection: maskSecrets(json) } };
  }

  private validate(input: unknown): Connection {
    const result = validateConnection(input, this.engine.validationOptions);
    if (!result.valid) throw result.error;
    return result.connection;
  }

  private async existing(connectionId: string): Promise<JsonObject> {
    const stored = await this.store.current(connectionId);
    if (!stored?.connection) throw connectionNotFound(connectionId);
    return stored.connection;
  }
}

function idOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as Record<string, unknown>)['id'];
  if (id !== undefined && typeof id !== 'string') throw new DittoError({ status: 400, error: 'json.field.invalid', message: 'The field </id> must be a string.' });
  return id;
}
