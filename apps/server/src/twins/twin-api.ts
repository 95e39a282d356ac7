import { DittoError } from '@twinlink/core';
import type { DittoProtocolMessage } from '@twinlink/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseApiUsers, subjectOf } from './api-users.js';
import type { ApiUser } from './api-users.js';
import { commandOf } from './http-commands.js';
import { sendLiveMessage } from './live-http.js';
import type { TwinServices } from './twin-services.js';

/** What the twin API is built from. */
export interface TwinApiDeps {
  readonly services: TwinServices;
  /** Users for HTTP Basic; default from `TWINLINK_API_USERS`, else `ditto:ditto`. */
  readonly users?: readonly ApiUser[];
}

type Params = { id: string; '*'?: string; featureId?: string; direction?: string; subject?: string };

function sendError(reply: FastifyReply, error: DittoError): FastifyReply {
  return reply.code(error.status).type('application/json').send(JSON.stringify(error.toJSON()));
}

function unauthenticated(): DittoError {
  return new DittoError({ status: 401, error: 'gateway:authentication.failed', message: 'Unauthorized: HTTP Basic credentials of a twin API user are required.' });
}

function sendResponse(reply: FastifyReply, response: DittoProtocolMessage): FastifyReply {
  const status = response.status ?? 200;
  reply.code(status);
  if (status === 204 || response.value === undefined) return reply.send();
  return reply.type('application/json').send(JSON.stringify(response.value));
}

/**
 * The HTTP API for people (Ditto's `/api/2/things` and `/api/2/policies`): GET/PUT/PATCH/DELETE at
 * every level the protocol addresses, answered with the twin engine's responses and Ditto error
 * shapes; and the live message endpoints. HTTP Basic users act as subject `nginx:<username>`.
 */
export function registerTwinApi(app: FastifyInstance, deps: TwinApiDeps): void {
  const users = deps.users ?? parseApiUsers(process.env['TWINLINK_API_USERS']);
  const { services } = deps;

  const authorize = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const subject = subjectOf(request.headers.authorization, users);
    if (subject === undefined) {
      reply.header('www-authenticate', 'Basic realm="DITTO", charset="UTF-8"');
      sendError(reply, unauthenticated());
    }
    return subject;
  };

  const twinCommand = (group: 'things' | 'policies') => async (request: FastifyRequest<{ Params: Params; Querystring: { fields?: string } }>, reply: FastifyReply) => {
    const subject = authorize(request, reply);
    if (subject === undefined) return reply;
    try {
      const rest = request.params['*'];
      const command = commandOf({
        method: request.method,
        group,
        entityId: request.params.id,
        path: rest === undefined || rest === '' ? '/' : `/${rest}`,
        body: typeof request.body === 'string' ? request.body : undefined,
        headers: request.headers,
        correlationId: request.id,
        ...(typeof request.query.fields === 'string' ? { fields: request.query.fields } : {}),
      });
      return sendResponse(reply, await services.dispatcher.applyTwin(command, undefined, [subject]));
    } catch (error) {
      if (error instanceof DittoError) return sendError(reply, error);
      throw error;
    }
  };

  const liveMessage = async (request: FastifyRequest<{ Params: Params; Querystring: { timeout?: string } }>, reply: FastifyReply) => {
    const subject = authorize(request, reply);
    if (subject === undefined) return reply;
    const { id, featureId, direction, subject: messageSubject } = request.params;
    try {
      const answer = await sendLiveMessage(services, {
        thingId: id,
        ...(featureId !== undefined ? { featureId } : {}),
        direction: direction === 'outbox' ? 'outbox' : 'inbox',
        subject: messageSubject ?? '',
        body: typeof request.body === 'string' ? request.body : undefined,
        headers: request.headers,
        correlationId: request.id,
        ...(typeof request.query.timeout === 'string' ? { timeoutSeconds: request.query.timeout } : {}),
        subjects: [subject],
      });
      reply.code(answer.status);
      if (answer.body === undefined) return reply.send();
      if (typeof answer.body === 'string' && answer.contentType !== undefined && !/json/i.test(answer.contentType)) return reply.type(answer.contentType).send(answer.body);
      return reply.type('application/json').send(JSON.stringify(answer.body));
    } catch (error) {
      if (error instanceof DittoError) return sendError(reply, error);
      throw error;
    }
  };

  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
    app.route({ method, url: '/api/2/things/:id', handler: twinCommand('things') });
    app.route({ method, url: '/api/2/things/:id/*', handler: twinCommand('things') });
    app.route({ method, url: '/api/2/policies/:id', handler: twinCommand('policies') });
    app.route({ method, url: '/api/2/policies/:id/*', handler: twinCommand('policies') });
  }
  for (const direction of ['inbox', 'outbox']) {
    const withDirection = (handler: typeof liveMessage) => (request: FastifyRequest<{ Params: Params; Querystring: { timeout?: string } }>, reply: FastifyReply) =>
      handler(Object.assign(request, { params: { ...request.params, direction } }), reply);
    app.post(`/api/2/things/:id/${direction}/messages/:subject`, withDirection(liveMessage));
    app.post(`/api/2/things/:id/features/:featureId/${direction}/messages/:subject`, withDirection(liveMessage));
  }
}
