import { maskPassword, SECRET_MASK } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';

/** Credential fields whose values never leave the service. */
const SECRET_PATHS: readonly (readonly string[])[] = [
  ['credentials', 'password'],
  ['credentials', 'clientSecret'],
  ['credentials', 'key'],
  ['credentials', 'parameters', 'sharedKey'],
  ['credentials', 'parameters', 'secretKey'],
  ['sshTunnel', 'credentials', 'password'],
  ['sshTunnel', 'credentials', 'privateKey'],
];

/** URIs whose user-info password is masked. */
const URI_PATHS: readonly (readonly string[])[] = [['uri'], ['sshTunnel', 'uri']];

/** A copy of connection JSON with every secret replaced by `*****` (passwords in URIs: `user:*****@host`). */
export function maskSecrets(connection: JsonObject): JsonObject {
  const copy = structuredClone(connection);
  for (const path of SECRET_PATHS) update(copy, path, (value) => (typeof value === 'string' ? SECRET_MASK : value));
  for (const path of URI_PATHS) update(copy, path, (value) => (typeof value === 'string' ? maskPassword(value) : value));
  return copy;
}

/**
 * The incoming connection with masked values put back from the stored one: a client that
 * retrieved a connection and sends it back unchanged must not overwrite its secrets with `*****`.
 */
export function restoreMaskedSecrets(incoming: unknown, stored: JsonObject): unknown {
  if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) return incoming;
  const copy = structuredClone(incoming) as JsonObject;
  for (const path of SECRET_PATHS) {
    const previous = read(stored, path);
    update(copy, path, (value) => (value === SECRET_MASK && typeof previous === 'string' ? previous : value));
  }
  for (const path of URI_PATHS) {
    const previous = read(stored, path);
    update(copy, path, (value) => (typeof previous === 'string' && value === maskPassword(previous) && value !== previous ? previous : value));
  }
  return copy;
}

function read(json: JsonObject, path: readonly string[]): JsonValue | undefined {
  let value: JsonValue | undefined = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function update(json: JsonObject, path: readonly string[], change: (value: JsonValue) => JsonValue): void {
  const parent = read(json, path.slice(0, -1));
  const key = path[path.length - 1] as string;
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent) || !Object.hasOwn(parent, key)) return;
  parent[key] = change(parent[key] as JsonValue);
}
