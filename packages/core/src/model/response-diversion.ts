import type { ResponseType } from './connection.js';

/** Header naming the connection that publishes a command's responses instead of its source (connection-model.md §10). */
export const DIVERT_RESPONSE_TO_CONNECTION = 'divert-response-to-connection';
/** Header listing the response types that are diverted (`response`, `error`, `nack`). */
export const DIVERT_EXPECTED_RESPONSE_TYPES = 'divert-expected-response-types';
/** Header of a diverted response: the id of the connection it was diverted from. */
export const DIVERTED_RESPONSE_FROM_CONNECTION = 'diverted-response-from-connection';

const RESPONSE_TYPES: ReadonlySet<ResponseType> = new Set<ResponseType>(['response', 'error', 'nack']);
const DEFAULT_DIVERTED_TYPES: ReadonlySet<ResponseType> = new Set<ResponseType>(['response', 'error']);

/** True for `response`, `error` and `nack`. */
export function isResponseType(name: string): name is ResponseType {
  return (RESPONSE_TYPES as ReadonlySet<string>).has(name);
}

/** The response diversion keys of a connection's `specificConfig` (connection-model.md §10). */
export interface ResponseDiversionConfig {
  /** `is-diversion-source`: responses to the connection's commands may be diverted. */
  readonly isSource: boolean;
  /** `preserve-normal-response-via-source`: a diverted response also goes to the source's reply target. */
  readonly preserveNormalResponse: boolean;
  /** `is-diversion-target`: the connection publishes responses diverted to it. */
  readonly isTarget: boolean;
  /** `authorized-connections-as-sources`: the connections allowed to divert responses to this one. */
  readonly authorizedSources: ReadonlySet<string>;
}

// As Java's Boolean.parseBoolean reads the flags: "true" in any case, anything else is false.
function flag(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** Reads the response diversion keys of a `specificConfig`; absent keys take their defaults (off, no authorized sources). */
export function responseDiversionConfig(specificConfig: Readonly<Record<string, string>>): ResponseDiversionConfig {
  const authorized = (specificConfig['authorized-connections-as-sources'] ?? '').split(',').map((id) => id.trim());
  return {
    isSource: flag(specificConfig['is-diversion-source']),
    preserveNormalResponse: flag(specificConfig['preserve-normal-response-via-source']?.trim()),
    isTarget: flag(specificConfig['is-diversion-target']),
    authorizedSources: new Set(authorized.filter((id) => id !== '')),
  };
}

/**
 * The response types diverted for a `divert-expected-response-types` header, given as its list of
 * entries: `response` and `error` when absent or empty, else the known types listed. As in Ditto,
 * a list naming no known type diverts every type.
 */
export function divertedResponseTypes(listed: readonly string[] | undefined): ReadonlySet<ResponseType> {
  const names = (listed ?? []).map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) return DEFAULT_DIVERTED_TYPES;
  const known = names.filter(isResponseType);
  return known.length === 0 ? RESPONSE_TYPES : new Set(known);
}
