import { DittoError } from '@twinlink/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, type RouteContext } from './execute.js';

// Conditional requests on `/api/2/connections/{id}` (management.md §2.5, §2.9): the entity tag of a
// connection is `"rev:<revision>"`; `*` in If-Match requires the connection, in If-None-Match its absence.

/** The entity tag of a connection revision. */
export function entityTag(revision: number): string {
  return `"rev:${revision}"`;
}

/** The current revision of a connection, or undefined when it does not exist (or was deleted). */
export async function currentRevision(context: RouteContext, connectionId: string): Promise<number | undefined> {
  try {
    const result = await execute(context, { type: 'retrieveConnection', connectionId, selectedFields: '_revision' });
    const revision = (result.payload['connection'] as Record<string, unknown> | undefined)?.['_revision'];
    return typeof revision === 'number' ? revision : undefined;
  } catch (error) {
    if (error instanceof DittoError && error.status === 404) return undefined;
    throw error;
  }
}

function tagsOf(header: string): string[] {
  return header.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

function preconditionFailed(header: string, value: string, actual: string | undefined): DittoError {
  return new DittoError({
    status: 412,
    error: 'connectivity:precondition.failed',
    message: `The comparison of precondition header '${header}' for the requested connection resource evaluated to false. Header value: '${value}', actual entity-tag: '${actual ?? ''}'.`,
    description: 'The comparison of the provided precondition header with the entity-tag of the connection failed.',
  });
}

function notModified(value: string, actual: string): DittoError {
  return new DittoError({
    status: 304,
    error: 'connectivity:precondition.notmodified',
    message: `The comparison of precondition header 'if-none-match' for the requested connection resource evaluated to false. Header value: '${value}', actual entity-tag: '${actual}'.`,
  });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Whether the request carries a precondition; only then is the current revision looked up. */
export function hasPreconditions(request: FastifyRequest): boolean {
  return headerOf(request, 'if-match') !== undefined || headerOf(request, 'if-none-match') !== undefined;
}

/**
 * Throws 412 `connectivity:precondition.failed` (or 304 `…notmodified` for a matching If-None-Match
 * on a read) when the request's preconditions do not hold for `revision`.
 */
export function checkPreconditions(request: FastifyRequest, revision: number | undefined): void {
  const actual = revision === undefined ? undefined : entityTag(revision);
  const ifMatch = headerOf(request, 'if-match');
  if (ifMatch !== undefined) {
    const tags = tagsOf(ifMatch);
    const holds = actual !== undefined && (tags.includes('*') || tags.includes(actual));
    if (!holds) throw preconditionFailed('if-match', ifMatch, actual);
  }
  const ifNoneMatch = headerOf(request, 'if-none-match');
  if (ifNoneMatch !== undefined && actual !== undefined) {
    const tags = tagsOf(ifNoneMatch);
    if (tags.includes('*') || tags.includes(actual)) {
      throw request.method === 'GET' || request.method === 'HEAD' ? notModified(ifNoneMatch, actual) : preconditionFailed('if-none-match', ifNoneMatch, actual);
    }
  }
}

/** Sets the ETag header to the connection's current revision, when it exists. */
export async function setEntityTag(reply: FastifyReply, context: RouteContext, connectionId: string): Promise<void> {
  const revision = await currentRevision(context, connectionId);
  if (revision !== undefined) reply.header('etag', entityTag(revision));
}
