import { DittoError } from '@twinlink/core';
import type { ConnectionIdCommandType, ConnectivityCommand } from '../../connections/connectivity-command.js';
import { jsonFieldMissing, jsonFieldWrongType } from '../http-errors.js';

/** The receivers of piggyback commands inside the connectivity service (management.md §3.3). */
export const SHARDING = '/system/sharding/connection';
export const IDS_RETRIEVAL = '/user/connectivityRoot/connectionIdsRetrieval';

type Json = Readonly<Record<string, unknown>>;

/** A recognised piggyback command: which selection answers it (none: nobody here does) and what it runs. */
export interface ResolvedPiggybackCommand {
  readonly type: string;
  readonly selections: readonly string[];
  readonly command?: ConnectivityCommand;
}

function field<T>(json: Json, name: string, type: string, check: (v: unknown) => v is T): T {
  const value = json[name];
  if (value === undefined) throw jsonFieldMissing(`/${name}`);
  if (!check(value)) throw jsonFieldWrongType(`/${name}`, value, type);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const connectionId = (json: Json) => field(json, 'connectionId', 'String', isString);
const connection = (json: Json) => field(json, 'connection', 'JsonObject', isObject);

function byId(type: ConnectionIdCommandType) {
  return (json: Json): ConnectivityCommand => ({ type, connectionId: connectionId(json) });
}

interface Spec {
  readonly selections: readonly string[];
  readonly parse: (json: Json) => ConnectivityCommand | undefined;
}

const C = 'connectivity.commands:';
const S = 'connectivity.sudo.commands:';
// The Explorer UI addresses the ids retrieval through its cluster-singleton child path.
const ID_SELECTIONS = [IDS_RETRIEVAL, `${IDS_RETRIEVAL}/singleton`];

/**
 * Every piggyback command type Ditto's connectivity service knows. Types with no selection parse but
 * find no receiver here: `retrieveConnections` (only the HTTP list answers it), the encryption
 * migration commands (no encryption at rest) and the resolved Hono connection (no Hono aliases).
 */
const SPECS = new Map<string, Spec>([
  [`${C}createConnection`, { selections: [SHARDING], parse: (j) => ({ type: 'createConnection', connection: connection(j) }) }],
  [`${C}modifyConnection`, { selections: [SHARDING], parse: (j) => ({ type: 'modifyConnection', connection: connection(j) }) }],
  [`${C}testConnection`, { selections: [SHARDING], parse: (j) => ({ type: 'testConnection', connection: connection(j) }) }],
  [
    `${C}retrieveConnection`,
    {
      selections: [SHARDING],
      parse: (j) => {
        const selected = j['selectedFields'];
        if (selected !== undefined && typeof selected !== 'string') throw jsonFieldWrongType('/selectedFields', selected, 'String');
        return { type: 'retrieveConnection', connectionId: connectionId(j), ...(selected !== undefined ? { selectedFields: selected } : {}) };
      },
    },
  ],
  [`${C}openConnection`, { selections: [SHARDING], parse: byId('openConnection') }],
  [`${C}closeConnection`, { selections: [SHARDING], parse: byId('closeConnection') }],
  [`${C}deleteConnection`, { selections: [SHARDING], parse: byId('deleteConnection') }],
  [`${C}retrieveConnectionStatus`, { selections: [SHARDING], parse: byId('retrieveConnectionStatus') }],
  [`${C}retrieveConnectionMetrics`, { selections: [SHARDING], parse: byId('retrieveConnectionMetrics') }],
  [`${C}resetConnectionMetrics`, { selections: [SHARDING], parse: byId('resetConnectionMetrics') }],
  [`${C}enableConnectionLogs`, { selections: [SHARDING], parse: byId('enableConnectionLogs') }],
  [`${C}retrieveConnectionLogs`, { selections: [SHARDING], parse: byId('retrieveConnectionLogs') }],
  [`${C}resetConnectionLogs`, { selections: [SHARDING], parse: byId('resetConnectionLogs') }],
  [`${S}sudoRetrieveConnectionTags`, { selections: [SHARDING], parse: byId('sudoRetrieveConnectionTags') }],
  [
    `${S}sudoAddConnectionLogEntry`,
    {
      selections: [SHARDING],
      parse: (j) => ({ type: 'sudoAddConnectionLogEntry', connectionId: connectionId(j), logEntry: field(j, 'logEntry', 'JsonObject', isObject) }),
    },
  ],
  [`${C}retrieveAllConnectionIds`, { selections: ID_SELECTIONS, parse: () => ({ type: 'retrieveAllConnectionIds' }) }],
  [
    `${S}sudoRetrieveConnectionIdsByTag`,
    { selections: ID_SELECTIONS, parse: (j) => ({ type: 'sudoRetrieveConnectionIdsByTag', tag: field(j, 'tag', 'String', isString) }) },
  ],
  [`${C}retrieveConnections`, { selections: [], parse: (j) => (field(j, 'idsOnly', 'Boolean', isBoolean), undefined) }],
  [`${C}retrieveResolvedHonoConnection`, { selections: [], parse: (j) => (connectionId(j), undefined) }],
  [`${C}migrateEncryption`, { selections: [], parse: () => undefined }],
  [`${C}migrateEncryptionStatus`, { selections: [], parse: () => undefined }],
  [`${C}migrateEncryptionAbort`, { selections: [], parse: () => undefined }],
]);

/** 400 `json.type.notparsable` for a command type no mapping strategy exists for. */
function notParsable(type: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'json.type.notparsable',
    message: `ExecutePiggybackCommand with PiggybackCommand <${type}> cannot be executed by this service as there is no mapping strategy for it!`,
  });
}

/** Recognises and parses the inner command; throws the Ditto error to wrap into an error envelope. */
export function resolvePiggybackCommand(json: Json): ResolvedPiggybackCommand {
  const type = field(json, 'type', 'String', isString);
  const spec = SPECS.get(type);
  if (spec === undefined) throw notParsable(type);
  const command = spec.parse(json);
  return { type, selections: spec.selections, ...(command !== undefined ? { command } : {}) };
}
