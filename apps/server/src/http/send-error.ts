import type { DittoError } from '@twinlink/core';
import type { FastifyReply } from 'fastify';

/** Sends a Ditto error as its JSON with its status (304 without a body, as HTTP requires). */
export function sendDittoError(reply: FastifyReply, error: DittoError): FastifyReply {
  reply.code(error.status);
  if (error.status === 304) return reply.send();
  return reply.type('application/json').send(JSON.stringify(error.toJSON()));
}
