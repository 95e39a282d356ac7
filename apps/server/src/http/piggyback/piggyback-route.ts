import { DittoError, type JsonObject } from '@twinlink/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { execute, type RouteContext } from '../execute.js';
import { internalError } from '../http-errors.js';
import { parseJavaBoolean } from '../query-params.js';
import { parseJsonBody } from '../request-body.js';
import { resource } from '../resource-routes.js';
import { parseEnvelope, type PiggybackEnvelope } from './piggyback-envelope.js';
import { resolvePiggybackCommand } from './piggyback-commands.js';
import { aggregate, askError, errorEnvelope, SERVICE_NAME } from './piggyback-response.js';

type Headers = Readonly<Record<string, unknown>>;

/** Query parameters act as headers; the envelope's own headers win (management.md §3.1). */
function effectiveHeaders(request: FastifyRequest, envelope: PiggybackEnvelope): Headers {
  return { ...(request.query as Record<string, unknown>), ...envelope.headers };
}

/** The inner response JSON for one envelope, as the receiving instance would produce it. */
async function innerResponse(context: RouteContext, request: FastifyRequest, envelope: PiggybackEnvelope, headers: Headers): Promise<JsonObject> {
  let resolved;
  try {
    resolved = resolvePiggybackCommand(envelope.piggybackCommand);
  } catch (error) {
    if (error instanceof DittoError) return errorEnvelope(error, context.instanceId);
    throw error;
  }
  if (resolved.command === undefined || !resolved.selections.includes(envelope.targetActorSelection)) {
    return errorEnvelope(askError(envelope.targetActorSelection, resolved.type), context.instanceId);
  }
  try {
    const result = await execute(context, resolved.command, { sudo: parseJavaBoolean(headers['ditto-sudo']) });
    return { type: result.type, status: result.status, ...result.payload };
  } catch (error) {
    // Errors of the command handler are answered as bare error JSON inside a 200 (§3.4, §3.6).
    if (error instanceof DittoError) return { ...error.toJSON() };
    request.log.error({ err: error, commandType: resolved.type }, 'piggyback command failed');
    return { ...internalError().toJSON() };
  }
}

/**
 * `POST /devops/piggyback[/<service>[/<instance>]]`. This process is the single `connectivity`
 * instance: commands for another service or instance reach nobody and get Ditto's "no response"
 * answer (408, body `null`).
 */
export function registerPiggybackRoute(app: FastifyInstance, context: RouteContext): void {
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.params as { service?: string; instance?: string };
    const envelope = parseEnvelope(parseJsonBody(request));
    const headers = effectiveHeaders(request, envelope);
    const service = params.service ?? envelope.serviceName ?? SERVICE_NAME;
    const instance = params.instance ?? envelope.instance;
    if (service !== SERVICE_NAME || (instance !== undefined && instance !== context.instanceId)) {
      return reply.code(408).type('application/json').send('null');
    }
    const inner = await innerResponse(context, request, envelope, headers);
    const aggregated = headers['aggregate'] === undefined || parseJavaBoolean(headers['aggregate']);
    // 200 whenever a response arrived, even an error response: clients read the inner status (§3.6).
    return reply.code(200).send(aggregated ? aggregate(inner, context.instanceId) : inner);
  };
  resource(app, '/devops/piggyback', { POST: handle });
  resource(app, '/devops/piggyback/:service', { POST: handle });
  resource(app, '/devops/piggyback/:service/:instance', { POST: handle });
}
