const INTERNAL_HEADERS = new Set(['channel', 'read-subjects', 'subject', 'raw-request-url', 'timeout-access']);

/**
 * Ditto-internal headers (prefix `ditto-`, and `channel`, `read-subjects`, `subject`,
 * `raw-request-url`, `timeout-access`): never taken from, nor written to, external messages.
 */
export function isInternalHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('ditto-') || INTERNAL_HEADERS.has(lower);
}
