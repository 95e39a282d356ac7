import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ConnectivityRuntime } from '../runtime.js';
import { serviceUnavailable } from './http-errors.js';
import { OPENAPI_DOCUMENT, OPENAPI_PATH } from './openapi-document.js';
import type { Readiness } from './readiness.js';
import { resource } from './resource-routes.js';
import { sendDittoError } from './send-error.js';

/**
 * Probes, metrics, plugin listing and the API description. `/alive`, `/ready`, `/metrics` and the
 * OpenAPI document need no credentials (probes and scrapers carry none); `/bindings` lists installed
 * package versions and sits in the DevOps realm (devops-auth.ts).
 */
export function registerOperationsRoutes(app: FastifyInstance, runtime: ConnectivityRuntime, readiness: Readiness): void {
  resource(app, '/alive', { GET: async (_request, reply) => reply.send({ status: 'alive' }) });

  resource(app, '/ready', {
    GET: async (_request, reply: FastifyReply) => {
      const state = readiness.current;
      if (state === 'ready') return reply.send({ status: 'ready' });
      return sendDittoError(
        reply,
        serviceUnavailable(state === 'starting' ? 'The service is starting: connections are being restored.' : 'The service is shutting down.'),
      );
    },
  });

  resource(app, '/metrics', {
    GET: async (_request, reply) => {
      const text = await runtime.metricsRegistry.metrics();
      return reply.type(runtime.metricsRegistry.contentType).send(text);
    },
  });

  resource(app, '/bindings', {
    GET: async (_request, reply) => reply.send({ loaded: runtime.bindings.loaded, skipped: runtime.bindings.skipped }),
  });

  resource(app, OPENAPI_PATH, { GET: async (_request, reply) => reply.send(OPENAPI_DOCUMENT) });
}
