import type { JsonObject } from '@twinlink/core';

/** Commands naming one connection by id. */
export type ConnectionIdCommandType =
  | 'retrieveConnection'
  | 'openConnection'
  | 'closeConnection'
  | 'deleteConnection'
  | 'retrieveConnectionStatus'
  | 'retrieveConnectionMetrics'
  | 'resetConnectionMetrics'
  | 'enableConnectionLogs'
  | 'retrieveConnectionLogs'
  | 'resetConnectionLogs'
  | 'sudoRetrieveConnectionTags';

/** A point in a connection's history (management.md §2.4): a revision or an instant. */
export interface HistoricalPoint {
  readonly revision?: number;
  readonly timestamp?: string;
}

/**
 * One management command, named as in Ditto's piggyback catalogue (management.md §3.4). Both API
 * forms (`/api/2/connections` and `/devops/piggyback/connectivity`) translate their requests into
 * these and hand them to the {@link ConnectionService}.
 */
export type ConnectivityCommand =
  | { readonly type: 'createConnection'; readonly connection: unknown }
  | { readonly type: 'modifyConnection'; readonly connection: unknown }
  | { readonly type: 'testConnection'; readonly connection: unknown }
  | { readonly type: ConnectionIdCommandType; readonly connectionId: string; readonly selectedFields?: string; readonly at?: HistoricalPoint }
  | { readonly type: 'retrieveConnections'; readonly idsOnly: boolean; readonly selectedFields?: string }
  | { readonly type: 'retrieveAllConnectionIds' }
  | { readonly type: 'sudoRetrieveConnectionIdsByTag'; readonly tag: string }
  | { readonly type: 'sudoAddConnectionLogEntry'; readonly connectionId: string; readonly logEntry: unknown };

/** Headers that change how a command is handled. */
export interface CommandOptions {
  /** `ditto-sudo`: allows e.g. changing the connectionType on modify. */
  readonly sudo?: boolean;
}

/**
 * A successful command result. `type` is the Ditto response type (e.g.
 * `connectivity.responses:createConnection`); `payload` holds the response fields of §3.4
 * (`connection`, `connectionId`, status fields, …) without `type` and `status`. Secrets in
 * returned connections are already masked. Failures are thrown as DittoError.
 */
export interface CommandResult {
  readonly type: string;
  readonly status: number;
  readonly payload: JsonObject;
  /** For `retrieveConnections` only: the list body of GET /api/2/connections. */
  readonly list?: readonly (JsonObject | string)[];
}
