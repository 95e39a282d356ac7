import { DittoError, headerBoolean } from '@twinlink/core';
import type { HeaderValue, ProtocolHeaders } from '@twinlink/core';
import type { EntityKind } from '../errors/precondition-errors.js';
import { preconditionFailed, preconditionNotModified } from '../errors/precondition-errors.js';

/** `if-equal` values (protocol.md §3). */
export type IfEqual = 'update' | 'skip' | 'skip-minimizing-merge';

/** The request headers the twin engine acts on. */
export interface RequestHeaders {
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  readonly ifEqual: IfEqual;
  readonly condition?: string;
  readonly allowPolicyLockout: boolean;
}

const NONE: RequestHeaders = { ifEqual: 'update', allowPolicyLockout: false };

function headerInvalid(name: string, value: HeaderValue): DittoError {
  return new DittoError({
    status: 400,
    error: 'header.invalid',
    message: `The value '${String(value)}' of the header '${name}' is not valid.`,
    description: 'Verify that the header has the correct syntax.',
  });
}

function text(name: string, value: HeaderValue): string {
  if (typeof value !== 'string') throw headerInvalid(name, value);
  return value;
}

/**
 * Reads the conditional and policy headers in one pass over the header names (names compare
 * case-insensitively); most commands carry none, and then nothing is allocated.
 * @throws DittoError `header.invalid` (400)
 */
export function readRequestHeaders(headers: ProtocolHeaders): RequestHeaders {
  let result: { -readonly [K in keyof RequestHeaders]: RequestHeaders[K] } | undefined;
  for (const name of Object.keys(headers)) {
    const first = name.charCodeAt(0) | 0x20;
    // Only names starting with i/c/a can matter: skip the lower-casing for all others.
    if (first !== 0x69 && first !== 0x63 && first !== 0x61) continue;
    const value = headers[name] as HeaderValue;
    switch (name.toLowerCase()) {
      case 'if-match':
        (result ??= { ...NONE }).ifMatch = text(name, value);
        break;
      case 'if-none-match':
        (result ??= { ...NONE }).ifNoneMatch = text(name, value);
        break;
      case 'if-equal': {
        const mode = text(name, value).toLowerCase();
        if (mode !== 'update' && mode !== 'skip' && mode !== 'skip-minimizing-merge') throw headerInvalid(name, value);
        (result ??= { ...NONE }).ifEqual = mode;
        break;
      }
      case 'condition':
        (result ??= { ...NONE }).condition = text(name, value);
        break;
      case 'allow-policy-lockout':
        (result ??= { ...NONE }).allowPolicyLockout = headerBoolean(value) === true;
        break;
      default:
        break;
    }
  }
  return result ?? NONE;
}

function unquote(tag: string): string {
  const trimmed = tag.trim();
  const weak = trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
  return weak.length >= 2 && weak.startsWith('"') && weak.endsWith('"') ? weak.slice(1, -1) : weak;
}

function matches(header: string, etag: string | undefined): boolean {
  if (etag === undefined) return false;
  const current = unquote(etag);
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || unquote(candidate) === current;
  });
}

/**
 * `if-match` / `if-none-match` against the resource's entity tag (`undefined` when the resource does
 * not exist): a failing `if-match` is 412; a matching `if-none-match` is 304 for reads and 412 for writes.
 * @throws DittoError `<things|policies>:precondition.failed` (412) or `…precondition.notmodified` (304)
 */
export function checkEntityTags(entity: EntityKind, headers: RequestHeaders, etagOf: () => string | undefined, read: boolean): void {
  if (headers.ifMatch === undefined && headers.ifNoneMatch === undefined) return;
  const etag = etagOf();
  if (headers.ifMatch !== undefined && !matches(headers.ifMatch, etag)) {
    throw preconditionFailed(entity, 'if-match', headers.ifMatch, etag ?? '');
  }
  if (headers.ifNoneMatch !== undefined && matches(headers.ifNoneMatch, etag)) {
    throw read ? preconditionNotModified(entity, headers.ifNoneMatch, etag ?? '') : preconditionFailed(entity, 'if-none-match', headers.ifNoneMatch, etag ?? '');
  }
}
