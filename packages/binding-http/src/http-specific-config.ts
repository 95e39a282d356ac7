import { parseConfigDuration } from '@twinlink/core';

/** The effective `specificConfig` of an http-push connection. */
export interface HttpPushConfig {
  /** Requests in flight per client, rounded up to a power of two (also the pool size). */
  readonly parallelism: number;
  /** Methods sent without a body. */
  readonly omitRequestBody: ReadonlySet<string>;
  /** Per-request idle timeout in ms; 0 disables it. */
  readonly idleTimeoutMs: number;
}

/** Service defaults the `specificConfig` falls back to. */
export interface HttpPushConfigDefaults {
  readonly omitRequestBody: readonly string[];
  readonly requestTimeoutMs: number;
}

/** Methods the HTTP stack knows; `omitRequestBody` accepts any of them (bindings.md §5). */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const MAX_IDLE_TIMEOUT_MS = 60_000;

type Parsed<T> = { readonly value: T } | { readonly error: string };

/** `parallelism`: a positive integer, rounded up to the next power of two. */
export function parseParallelism(text: string | undefined): Parsed<number> {
  if (text === undefined) return { value: 1 };
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) return { error: `The configured value '${text}' of 'parallelism' is invalid. It must be a positive integer.` };
  return { value: 2 ** Math.ceil(Math.log2(value)) };
}

/** `omitRequestBody`: a comma list or a JSON array of method names; `""` means none. */
export function parseOmitRequestBody(text: string | undefined, defaults: readonly string[]): Parsed<ReadonlySet<string>> {
  if (text === undefined) return { value: new Set(defaults) };
  let methods: unknown[];
  if (text.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      methods = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return { error: `The configured value '${text}' of 'omitRequestBody' is invalid. It must be a comma-separated list of HTTP methods.` };
    }
  } else {
    methods = text.split(',').map((method) => method.trim()).filter((method) => method !== '');
  }
  for (const method of methods) {
    if (typeof method !== 'string' || !KNOWN_METHODS.has(method)) {
      return { error: `The configured value '${String(method)}' of 'omitRequestBody' is not a supported HTTP method.` };
    }
  }
  return { value: new Set(methods as string[]) };
}

/** `idleTimeout`: a HOCON duration (bare number = ms) within [0, 60] s. */
export function parseIdleTimeout(text: string | undefined, defaultMs: number): Parsed<number> {
  if (text === undefined) return { value: defaultMs };
  const ms = parseConfigDuration(text);
  if (ms === undefined || ms < 0 || ms > MAX_IDLE_TIMEOUT_MS) {
    const seconds = ms === undefined ? text : String(ms / 1000);
    return { error: `Idle timeout '${seconds}' is not within the allowed range of [0, 60] seconds.` };
  }
  return { value: Math.floor(ms) };
}

/** The effective configuration of a validated connection (invalid values fall back to defaults). */
export function httpPushConfig(specificConfig: Readonly<Record<string, string>>, defaults: HttpPushConfigDefaults): HttpPushConfig {
  const valueOr = <T>(parsed: Parsed<T>, fallback: T): T => ('value' in parsed ? parsed.value : fallback);
  return {
    parallelism: valueOr(parseParallelism(specificConfig['parallelism']), 1),
    omitRequestBody: valueOr(parseOmitRequestBody(specificConfig['omitRequestBody'], defaults.omitRequestBody), new Set(defaults.omitRequestBody)),
    idleTimeoutMs: valueOr(parseIdleTimeout(specificConfig['idleTimeout'], defaults.requestTimeoutMs), defaults.requestTimeoutMs),
  };
}
