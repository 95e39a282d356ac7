import { jsonInvalid } from '@twinlink/core';
import type { FastifyRequest } from 'fastify';
import { jsonUnparsable, mediaTypeUnsupported } from './http-errors.js';

/**
 * Besides the resource's own type, `application/octet-stream` is accepted, as in Ditto's default
 * `additional-accepted-media-types`; a request without Content-Type counts as that.
 */
const FALLBACK_MEDIA_TYPE = 'application/octet-stream';

/** The media type of the request body, lower case without parameters; the fallback type when absent. */
export function mediaTypeOf(request: FastifyRequest): string {
  const header = request.headers['content-type'];
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? FALLBACK_MEDIA_TYPE : type;
}

/** Throws 415 unless the body has `expected` (or the fallback) media type. */
export function requireMediaType(request: FastifyRequest, expected: string): void {
  const type = mediaTypeOf(request);
  if (type !== expected && type !== FALLBACK_MEDIA_TYPE) throw mediaTypeUnsupported(type, [expected, FALLBACK_MEDIA_TYPE]);
}

/** The raw body text; every content type is read as text by the server's single body parser. */
export function bodyText(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** Parses the body as JSON; 400 `json.invalid` when it is not. */
export function parseJsonBody(request: FastifyRequest): unknown {
  const text = bodyText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw jsonUnparsable(text);
  }
}

/** Parses the body as a JSON object; 400 `json.invalid` otherwise. */
export function parseJsonObjectBody(request: FastifyRequest): Record<string, unknown> {
  const value = parseJsonBody(request);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw jsonInvalid(`The request body must be a JSON object, but was <${Array.isArray(value) ? 'an array' : JSON.stringify(value)}>.`);
  }
  return value as Record<string, unknown>;
}
