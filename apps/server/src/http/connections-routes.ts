import { randomUUID } from 'node:crypto';
import { isValidConnectionId } from '@twinlink/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandResult } from '../connections/connectivity-command.js';
import { checkPreconditions, currentRevision, hasPreconditions, setEntityTag } from './conditional-requests.js';
import { execute, type RouteContext } from './execute.js';
import { historicalPointOf } from './historical-point.js';
import { connectionIdInvalid, connectionsAmountIllegal, idNotSettable, jsonUnparsable } from './http-errors.js';
import { fieldsSelector, parseJavaBoolean, queryValue } from './query-params.js';
import { bodyText, parseJsonObjectBody, requireMediaType } from './request-body.js';
import { resource } from './resource-routes.js';

/** Most full connections one `GET /api/2/connections` returns (management.md §2.2). */
export const CONNECTIONS_RETRIEVE_LIMIT = 100;

const BASE = '/api/2/connections';

/** The `{id}` path segment, checked against the connection id syntax (400 otherwise). */
export function connectionIdOf(request: FastifyRequest): string {
  const id = (request.params as { id: string }).id;
  if (!isValidConnectionId(id)) throw connectionIdInvalid(id);
  return id;
}

/** Absolute URL of `path` on the host the client addressed. */
function absoluteUrl(request: FastifyRequest, path: string): string {
  return `${request.protocol}://${request.host}${path}`;
}

function requestPath(request: FastifyRequest): string {
  return (request.url.split('?')[0] ?? '').replace(/\/+$/, '');
}

/** A missing `connectionStatus` becomes `unknown`, which counts as not open (management.md §2.3). */
function withDefaultStatus(connection: Record<string, unknown>): Record<string, unknown> {
  return 'connectionStatus' in connection ? connection : { ...connection, connectionStatus: 'unknown' };
}

function sendResult(reply: FastifyReply, result: CommandResult, body: unknown): FastifyReply {
  reply.code(result.status);
  return result.status === 204 || body === undefined ? reply.send() : reply.send(body);
}

/** `/api/2/connections` and `/api/2/connections/{id}`: list, create, dry run, retrieve, create-or-modify, delete. */
export function registerConnectionsRoutes(app: FastifyInstance, context: RouteContext): void {
  const list = async (request: FastifyRequest, reply: FastifyReply) => {
    const idsOnlyText = queryValue(request, 'ids-only');
    const fields = fieldsSelector(request);
    const onlyIdSelected = fields !== undefined && fields.split(',').map((f) => f.trim()).join(',') === 'id';
    const idsOnly = idsOnlyText !== undefined ? parseJavaBoolean(idsOnlyText) : onlyIdSelected;
    if (!idsOnly) {
      const ids = await execute(context, { type: 'retrieveAllConnectionIds' });
      const count = Array.isArray(ids.payload['connectionIds']) ? ids.payload['connectionIds'].length : 0;
      if (count > CONNECTIONS_RETRIEVE_LIMIT) throw connectionsAmountIllegal(CONNECTIONS_RETRIEVE_LIMIT);
    }
    const result = await execute(context, {
      type: 'retrieveConnections',
      idsOnly,
      ...(fields !== undefined && !idsOnly ? { selectedFields: fields } : {}),
    });
    return reply.send(result.list ?? result.payload['connections'] ?? []);
  };

  const dryRun = async (request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>) => {
    // Ditto replaces every occurrence of the given id in the JSON text, not only the id field.
    const temporaryId = `${randomUUID()}-dry-run`;
    let connection = body;
    if (typeof body['id'] === 'string' && body['id'] !== '') {
      const text = bodyText(request).split(body['id']).join(temporaryId);
      try {
        connection = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw jsonUnparsable(text);
      }
    }
    const result = await execute(context, { type: 'testConnection', connection: withDefaultStatus({ ...connection, id: temporaryId }) });
    return result.status < 300 ? reply.code(200).send() : reply.code(result.status).send({ status: result.status, ...result.payload });
  };

  const create = async (request: FastifyRequest, reply: FastifyReply) => {
    requireMediaType(request, 'application/json');
    const body = parseJsonObjectBody(request);
    if (parseJavaBoolean(queryValue(request, 'dry-run'))) return dryRun(request, reply, body);
    if ('id' in body) throw idNotSettable('POST');
    const id = randomUUID();
    const result = await execute(context, { type: 'createConnection', connection: withDefaultStatus({ id, ...body }) });
    reply.header('location', absoluteUrl(request, `${requestPath(request)}/${id}`));
    return sendResult(reply, result, result.payload['connection']);
  };

  /** 412/304 before anything changes, when the request carries If-Match / If-None-Match. */
  const preconditions = async (request: FastifyRequest, connectionId: string) => {
    if (hasPreconditions(request)) checkPreconditions(request, await currentRevision(context, connectionId));
  };

  const retrieve = async (request: FastifyRequest, reply: FastifyReply) => {
    const connectionId = connectionIdOf(request);
    const at = historicalPointOf(request);
    if (!at) await preconditions(request, connectionId);
    const fields = fieldsSelector(request);
    const result = await execute(context, { type: 'retrieveConnection', connectionId, ...(fields !== undefined ? { selectedFields: fields } : {}), ...(at ? { at } : {}) });
    if (!at) await setEntityTag(reply, context, connectionId);
    return reply.send(result.payload['connection']);
  };

  const createOrModify = async (request: FastifyRequest, reply: FastifyReply) => {
    const connectionId = connectionIdOf(request);
    requireMediaType(request, 'application/json');
    const body = parseJsonObjectBody(request);
    if (body['id'] !== undefined && body['id'] !== connectionId) throw idNotSettable('PUT');
    await preconditions(request, connectionId);
    const result = await execute(context, { type: 'modifyConnection', connection: { ...body, id: connectionId } });
    if (result.status === 201) reply.header('location', absoluteUrl(request, requestPath(request)));
    await setEntityTag(reply, context, connectionId);
    return sendResult(reply, result, result.payload['connection']);
  };

  const remove = async (request: FastifyRequest, reply: FastifyReply) => {
    const connectionId = connectionIdOf(request);
    await preconditions(request, connectionId);
    const result = await execute(context, { type: 'deleteConnection', connectionId });
    return sendResult(reply, result, undefined);
  };

  resource(app, BASE, { GET: list, POST: create });
  resource(app, `${BASE}/:id`, { GET: retrieve, PUT: createOrModify, DELETE: remove });
}
