import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import type { ConnectivityRuntime } from '../runtime.js';
import { registerConnectionCommandRoutes } from './connection-command-routes.js';
import { registerConnectionsRoutes } from './connections-routes.js';
import { registerDevopsAuth } from './devops-auth.js';
import type { RouteContext } from './execute.js';
import { resourceNotFound, serviceUnavailable, toDittoError } from './http-errors.js';
import { registerOperationsRoutes } from './operations-routes.js';
import { registerPiggybackRoute } from './piggyback/piggyback-route.js';
import type { Readiness } from './readiness.js';
import { sendDittoError } from './send-error.js';
import { registerTwinApi } from '../twins/twin-api.js';
import { twinServicesOf } from '../twins/twin-services.js';

/** Answered while the service shuts down, so that load balancers and probes see it drain. */
const PROBE_PATHS = new Set(['/alive', '/ready', '/metrics']);

/** What the HTTP layer is built from. */
export interface HttpServerOptions {
  readonly config: ServiceConfig;
  readonly instanceId: string;
  readonly runtime: ConnectivityRuntime;
  readonly logger: Logger;
  readonly readiness: Readiness;
}

/**
 * The fastify server of the management API, not yet listening. Every error leaves as Ditto error
 * JSON; bodies are read as text by one parser and interpreted by each route, so each resource
 * decides which media types it accepts and how malformed input is reported.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const { config, runtime, readiness } = options;
  const bodyLimitBytes = config.http.bodyLimitBytes;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps route helpers typed against the default instance.
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    bodyLimit: bodyLimitBytes,
    // Ids longer than the 100 allowed characters must reach the id check (400), not the router's 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    requestIdHeader: 'correlation-id',
    genReqId: (request) => {
      const legacy = request.headers['x-correlation-id'];
      return typeof legacy === 'string' && legacy !== '' ? legacy : randomUUID();
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    reply.header('correlation-id', request.id);
    // While connections drain, the probes keep answering and nothing else starts new work.
    if (readiness.current === 'stopping' && !PROBE_PATHS.has(request.url.split('?')[0] ?? '')) {
      throw serviceUnavailable('The service is shutting down.');
    }
  });
  registerDevopsAuth(app, config.devops);

  app.setErrorHandler((error, request, reply) => {
    const ditto = toDittoError(error, bodyLimitBytes);
    if (ditto.status >= 500) request.log.error({ err: error, url: request.url, method: request.method }, 'request failed');
    return sendDittoError(reply, ditto);
  });
  app.setNotFoundHandler((request, reply) => sendDittoError(reply, resourceNotFound(request.url.split('?')[0] ?? '')));

  const context: RouteContext = { runtime, instanceId: options.instanceId };
  registerOperationsRoutes(app, runtime, readiness);
  registerConnectionsRoutes(app, context);
  registerConnectionCommandRoutes(app, context);
  registerPiggybackRoute(app, context);
  const twins = twinServicesOf(runtime);
  if (twins !== undefined) registerTwinApi(app, { services: twins });
  return app;
}
