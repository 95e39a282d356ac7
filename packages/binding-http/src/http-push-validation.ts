import type { DittoError, ValidationKit } from '@twinlink/core';
import { parseIdleTimeout, parseOmitRequestBody, parseParallelism } from './http-specific-config.js';
import { splitTargetAddress, TARGET_METHODS } from './http-target-address.js';

const METHODS_DESCRIPTION = `Supported methods are: ${TARGET_METHODS.join(', ')}`;
const VALIDATION_DEFAULTS = { omitRequestBody: [], requestTimeoutMs: 60_000 };

/**
 * The http-push rules after core's generic and declarative checks (URI scheme, no sources,
 * placeholders of header mappings and addresses, mapper references, OAuth token endpoint): the
 * address format and method of every target, then `idleTimeout`, `parallelism`, `omitRequestBody`,
 * in Ditto's order (bindings.md §5).
 */
export function validateHttpPush(kit: ValidationKit): DittoError | undefined {
  const { connection } = kit;
  for (const target of connection.targets) {
    const description = `Target of address '${target.address}' of connection '${connection.id}'`;
    const address = splitTargetAddress(target.address);
    if (!address) {
      return kit.invalid(`${description}: Target address has invalid format. Expect '<VERB>:/<path>', for example 'POST:/api'.`, METHODS_DESCRIPTION);
    }
    if (!(TARGET_METHODS as readonly string[]).includes(address.method)) {
      return kit.invalid(`${description}: The method '${address.method}' is not supported`, METHODS_DESCRIPTION);
    }
  }
  const config = connection.specificConfig;
  for (const parsed of [
    parseIdleTimeout(config['idleTimeout'], VALIDATION_DEFAULTS.requestTimeoutMs),
    parseParallelism(config['parallelism']),
    parseOmitRequestBody(config['omitRequestBody'], VALIDATION_DEFAULTS.omitRequestBody),
  ]) {
    if ('error' in parsed) return kit.invalid(parsed.error);
  }
  return undefined;
}
