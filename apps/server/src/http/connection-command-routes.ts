import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConnectionIdCommandType } from '../connections/connectivity-command.js';
import { connectionIdOf } from './connections-routes.js';
import { execute, type RouteContext } from './execute.js';
import { commandInvalid } from './http-errors.js';
import { bodyText, requireMediaType } from './request-body.js';
import { resource } from './resource-routes.js';

const BASE = '/api/2/connections/:id';

/** The text bodies `POST …/command` accepts; matching is exact (management.md §2.7). */
const TEXT_COMMANDS = new Map<string, ConnectionIdCommandType>([
  ['connectivity.commands:openConnection', 'openConnection'],
  ['connectivity.commands:closeConnection', 'closeConnection'],
  ['connectivity.commands:resetConnectionMetrics', 'resetConnectionMetrics'],
  ['connectivity.commands:enableConnectionLogs', 'enableConnectionLogs'],
  ['connectivity.commands:resetConnectionLogs', 'resetConnectionLogs'],
]);

/** `…/{id}/command`, `…/status`, `…/metrics`, `…/logs`. */
export function registerConnectionCommandRoutes(app: FastifyInstance, context: RouteContext): void {
  const command = async (request: FastifyRequest, reply: FastifyReply) => {
    const connectionId = connectionIdOf(request);
    requireMediaType(request, 'text/plain');
    const text = bodyText(request);
    const type = TEXT_COMMANDS.get(text);
    if (type === undefined) throw commandInvalid(text);
    await execute(context, { type, connectionId });
    return reply.code(200).send();
  };

  // Ditto answers status and metrics with `type` and `status` inside the body, logs without (§2.8).
  const withTypeAndStatus =
    (type: 'retrieveConnectionStatus' | 'retrieveConnectionMetrics') => async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await execute(context, { type, connectionId: connectionIdOf(request) });
      return reply.send({ type: result.type, status: result.status, ...result.payload });
    };

  const logs = async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await execute(context, { type: 'retrieveConnectionLogs', connectionId: connectionIdOf(request) });
    return reply.send(result.payload);
  };

  resource(app, `${BASE}/command`, { POST: command });
  resource(app, `${BASE}/status`, { GET: withTypeAndStatus('retrieveConnectionStatus') });
  resource(app, `${BASE}/metrics`, { GET: withTypeAndStatus('retrieveConnectionMetrics') });
  resource(app, `${BASE}/logs`, { GET: logs });
}
