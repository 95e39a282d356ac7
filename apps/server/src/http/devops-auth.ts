import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceConfig } from '../config/service-config.js';
import { authenticationFailed } from './http-errors.js';
import { sendDittoError } from './send-error.js';

/** Ditto's realm name for the DevOps user; clients such as the Explorer UI know it. */
const REALM = 'DITTO-DEVOPS';

/** Paths under the DevOps realm: the management API, the piggyback API and the plugin listing. */
const PROTECTED = /^\/(?:devops(?:[/?]|$)|api\/2\/connections(?:[/?]|$)|bindings(?:[/?]|$))/;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Equal-length digests make the comparison independent of where the texts differ and of their lengths. */
function safeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function credentialsOf(request: FastifyRequest): { user: string; password: string } | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Requires the DevOps user (HTTP Basic) on every protected path, before routing, so that unknown
 * sub-paths and wrong methods reveal nothing without credentials. Off when `devops.secured` is false.
 */
export function registerDevopsAuth(app: FastifyInstance, devops: ServiceConfig['devops']): void {
  if (!devops.secured) return;
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!PROTECTED.test(request.url)) return;
    const given = credentialsOf(request);
    if (given === undefined) {
      reply.header('www-authenticate', `Basic realm="${REALM}", charset="UTF-8"`);
      return sendDittoError(reply, authenticationFailed('Missing or malformed Authorization header: HTTP Basic credentials are required.'));
    }
    // Both comparisons always run, so the time taken does not tell which part was wrong.
    const userOk = safeEqual(given.user, devops.username);
    const passwordOk = safeEqual(given.password, devops.password);
    if (!(userOk && passwordOk)) {
      reply.header('www-authenticate', `Basic realm="${REALM}", charset="UTF-8"`);
      return sendDittoError(reply, authenticationFailed('The provided DevOps username or password is incorrect.'));
    }
    return undefined;
  });
}
