import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { methodNotAllowed } from './http-errors.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const ALL_METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/**
 * Registers the handlers of one resource and answers every other method with 405 and an `Allow`
 * header, instead of the 404 a router gives for an unmatched method.
 */
export function resource(app: FastifyInstance, url: string, handlers: Partial<Record<Method, Handler>>): void {
  const allowed = Object.keys(handlers) as Method[];
  for (const method of allowed) app.route({ method, url, handler: handlers[method] as Handler });
  // HEAD is served automatically wherever GET is.
  const served = new Set<string>(allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed);
  const others = ALL_METHODS.filter((m) => !served.has(m));
  app.route({
    method: others as HTTPMethods[],
    url,
    handler: async (request, reply) => {
      reply.header('allow', [...served].join(', '));
      throw methodNotAllowed(request.method, [...served]);
    },
  });
}
