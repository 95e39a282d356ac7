import type { FastifyRequest } from 'fastify';

type Query = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (parameters may repeat). */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Query)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `fields` may repeat; all occurrences form one comma-separated selector. Empty → undefined. */
export function fieldsSelector(request: FastifyRequest): string | undefined {
  const value = (request.query as Query)['fields'];
  const parts = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v.trim() !== '');
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** Java's `Boolean.parseBoolean`: only `true`, in any letter case, is true. */
export function parseJavaBoolean(value: unknown): boolean {
  return String(value).toLowerCase() === 'true';
}
