import { DittoError } from '../errors/ditto-error.js';
import { isJsonObject } from '../json/json-value.js';
import type { JsonObject } from '../json/json-value.js';
import type { Connection, ConnectivityStatus, MappingDefinition, SshTunnel } from './connection.js';
import { DITTO_CONNECTION_TYPES } from './connection.js';
import { connectionIdInvalid, isValidConnectionId } from './connection-id.js';
import {
  distinct,
  fieldOf,
  missingField,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requireObject,
  requireString,
  stringList,
  stringMap,
  toPlainRecord,
} from './json-fields.js';
import { configurationInvalid } from '../validation/validation-errors.js';
import { parseCredentials } from './parse-credentials.js';
import { parseSource } from './parse-source.js';
import { parseTarget } from './parse-target.js';
import { CONNECTION_ANNOUNCEMENTS_TOPIC } from './canonical-target-topic.js';

const STATUSES: readonly ConnectivityStatus[] = ['open', 'closed', 'failed', 'misconfigured', 'unknown'];
const LEGACY_MAPPER_ID = 'javascript';

/** Options of {@link parseConnection}. @public */
export interface ParseConnectionOptions {
  /** Connection types accepted besides Ditto's seven (types of installed third-party bindings). */
  readonly extraConnectionTypes?: readonly string[];
  /** Status to use when `connectionStatus` is absent (HTTP POST defaults it to `unknown`); absent = required. */
  readonly defaultStatus?: ConnectivityStatus;
}

/**
 * Model construction (connection-model §1 stage 2): reads connection JSON into a {@link Connection}
 * with every default materialised, legacy `mappingContext` migrated and implicit reply targets added.
 * Throws a {@link DittoError} (json.*, connectivity:connection.id.invalid, …uri.invalid,
 * …topic.invalid, …configuration.invalid) for the first problem found.
 * @public
 */
export function parseConnection(input: unknown, options: ParseConnectionOptions = {}): Connection {
  if (!isJsonObject(input)) {
    throw new DittoError({ status: 400, error: 'json.invalid', message: 'The connection must be a JSON object.', description: 'Check the request body.' });
  }
  const json = input;
  const id = requireString(json, 'id', '/id');
  if (!isValidConnectionId(id)) throw connectionIdInvalid(id);
  const connectionType = parseConnectionType(json, options);
  const connectionStatus = parseStatus(json, options);
  const uri = connectionType === 'hono' ? (optionalString(json, 'uri', '/uri') ?? '') : requireString(json, 'uri', '/uri');
  const name = optionalString(json, 'name', '/name');
  const credentialsJson = optionalObject(json, 'credentials', '/credentials');
  const ca = optionalString(json, 'ca', '/ca');
  const legacyMapping = optionalObject(json, 'mappingContext', '/mappingContext');
  const sshTunnelJson = optionalObject(json, 'sshTunnel', '/sshTunnel');

  const mappingDefinitions = parseMappingDefinitions(json);
  if (legacyMapping) mappingDefinitions[LEGACY_MAPPER_ID] = parseMappingDefinition(legacyMapping, '/mappingContext');
  const withLegacyMapper = (ids: readonly string[]) => (legacyMapping ? [...ids, LEGACY_MAPPER_ID] : ids);

  const sources = objectElements(json, 'sources').map(({ element, index }) => {
    const source = parseSource(element, `/sources/${index}`, connectionType);
    return { ...source, payloadMapping: withLegacyMapper(source.payloadMapping) };
  });
  const targets = objectElements(json, 'targets').map(({ element, index }) => {
    const target = parseTarget(element, `/targets/${index}`);
    return { ...target, payloadMapping: withLegacyMapper(target.payloadMapping) };
  });

  const connection: Connection = {
    id,
    ...(name !== undefined ? { name } : {}),
    connectionType,
    connectionStatus,
    uri,
    ...(credentialsJson ? { credentials: parseCredentials(credentialsJson, '/credentials') } : {}),
    ...(ca !== undefined ? { ca } : {}),
    validateCertificates: optionalBoolean(json, 'validateCertificates', '/validateCertificates', true),
    sources,
    targets,
    clientCount: positive(json, 'clientCount', 1),
    failoverEnabled: optionalBoolean(json, 'failoverEnabled', '/failoverEnabled', true),
    processorPoolSize: positive(json, 'processorPoolSize', 1),
    specificConfig: parseSpecificConfig(json),
    mappingDefinitions,
    tags: distinct(stringList(json, 'tags', '/tags', false) ?? []),
    ...(sshTunnelJson ? { sshTunnel: parseSshTunnel(sshTunnelJson) } : {}),
  };
  checkStructure(connection);
  return connection;
}

function parseConnectionType(json: JsonObject, options: ParseConnectionOptions): string {
  const type = requireString(json, 'connectionType', '/connectionType');
  const known = [...DITTO_CONNECTION_TYPES, ...(options.extraConnectionTypes ?? [])];
  if (!known.includes(type)) {
    throw new DittoError({ status: 400, error: 'json.invalid', message: `Connection type ${type} is invalid!`, description: `Known connection types are: ${known.join(', ')}.` });
  }
  return type;
}

function parseStatus(json: JsonObject, options: ParseConnectionOptions): ConnectivityStatus {
  const status = fieldOf(json, 'connectionStatus') === undefined && options.defaultStatus !== undefined
    ? options.defaultStatus
    : requireString(json, 'connectionStatus', '/connectionStatus');
  if (!STATUSES.includes(status as ConnectivityStatus)) {
    throw new DittoError({ status: 400, error: 'json.invalid', message: `Connection status ${status} is invalid!`, description: `Known statuses are: ${STATUSES.join(', ')}.` });
  }
  return status as ConnectivityStatus;
}

function positive(json: JsonObject, key: string, fallback: number): number {
  const value = optionalInteger(json, key, `/${key}`) ?? fallback;
  if (value <= 0) throw configurationInvalid(`The field </${key}> must be greater than 0 but was ${value}.`);
  return value;
}

/** Non-object elements of `sources` / `targets` are ignored; indices of the kept ones are kept for pointers. */
function objectElements(json: JsonObject, key: string): { element: JsonObject; index: number }[] {
  const value = fieldOf(json, key);
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw configurationInvalid(`The field </${key}> must be an array.`);
  return value.flatMap((element, index) => (isJsonObject(element) ? [{ element, index }] : []));
}

/** Non-string values become their JSON text (`2` → `"2"`). */
function parseSpecificConfig(json: JsonObject): Record<string, string> {
  const config = optionalObject(json, 'specificConfig', '/specificConfig') ?? {};
  return toPlainRecord(Object.entries(config).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)] as const));
}

function parseMappingDefinitions(json: JsonObject): Record<string, MappingDefinition> {
  const definitions = optionalObject(json, 'mappingDefinitions', '/mappingDefinitions') ?? {};
  return toPlainRecord(
    Object.entries(definitions).map(([id, definition]) => [id, parseMappingDefinition(requireObject(definition, `/mappingDefinitions/${id}`), `/mappingDefinitions/${id}`)] as const),
  );
}

function parseMappingDefinition(json: JsonObject, pointer: string): MappingDefinition {
  const incomingConditions = stringMap(json, 'incomingConditions', `${pointer}/incomingConditions`);
  const outgoingConditions = stringMap(json, 'outgoingConditions', `${pointer}/outgoingConditions`);
  return {
    mappingEngine: requireString(json, 'mappingEngine', `${pointer}/mappingEngine`),
    options: requireObject(fieldOf(json, 'options'), `${pointer}/options`),
    ...(incomingConditions ? { incomingConditions: { ...incomingConditions } } : {}),
    ...(outgoingConditions ? { outgoingConditions: { ...outgoingConditions } } : {}),
  };
}

function parseSshTunnel(json: JsonObject): SshTunnel {
  const credentials = parseCredentials(requireObject(fieldOf(json, 'credentials'), '/sshTunnel/credentials'), '/sshTunnel/credentials');
  if (credentials.type !== 'plain' && credentials.type !== 'public-key') {
    throw configurationInvalid(`Credentials type ${credentials.type} cannot be used for an ssh tunnel.`);
  }
  if (fieldOf(json, 'validateHost') === undefined) throw missingField('/sshTunnel/validateHost');
  return {
    enabled: requireBoolean(json, 'enabled', '/sshTunnel/enabled'),
    uri: requireString(json, 'uri', '/sshTunnel/uri'),
    credentials,
    validateHost: optionalBoolean(json, 'validateHost', '/sshTunnel/validateHost', false),
    knownHosts: stringList(json, 'knownHosts', '/sshTunnel/knownHosts', false) ?? [],
  };
}

function requireBoolean(json: JsonObject, key: string, pointer: string): boolean {
  if (fieldOf(json, key) === undefined) throw missingField(pointer);
  return optionalBoolean(json, key, pointer, false);
}

/** Structural rules checked during model construction (§2). */
function checkStructure(connection: Connection): void {
  if (connection.sources.length === 0 && connection.targets.length === 0) {
    throw configurationInvalid('Either a source or a target must be specified in the configuration of a connection!');
  }
  const sourcesWithout = connection.sources.filter((s) => s.authorizationContext.length === 0).map((s) => s.addresses.join(','));
  const targetsWithout = connection.targets.filter((t) => t.authorizationContext.length === 0).map((t) => t.address);
  if (sourcesWithout.length > 0 || targetsWithout.length > 0) {
    throw configurationInvalid(`The Sources [${sourcesWithout.join(', ')}] and Targets [${targetsWithout.join(', ')}] are missing an authorization context.`);
  }
  const announces = connection.targets.some((t) => t.topics.includes(CONNECTION_ANNOUNCEMENTS_TOPIC));
  if (announces && connection.clientCount > 1) {
    throw configurationInvalid('Connection announcements (topic _/_/connections/announcements) can only be used with client count 1.');
  }
}
