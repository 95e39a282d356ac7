import type { DittoError } from '../errors/ditto-error.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

/** Rules 1–3 of connection-model §11: counts, non-empty addresses, payload mapper counts. */
export function checkLimits({ connection, limits }: ValidationContext): DittoError | undefined {
  if (connection.sources.length > limits.maxSources || connection.targets.length > limits.maxTargets) {
    return configurationInvalid(
      'The number of configured sources or targets within a connection exceeded.',
      `At most ${limits.maxSources} sources and ${limits.maxTargets} targets are allowed.`,
    );
  }
  for (const [index, source] of connection.sources.entries()) {
    if (source.addresses.length === 0 || source.addresses.some((address) => address === '')) {
      return configurationInvalid(`Source ${index} of connection ${connection.id}: addresses may not be empty.`);
    }
  }
  if (connection.targets.some((target) => target.address === '')) {
    return configurationInvalid(`Targets of connection ${connection.id}: addresses may not be empty.`);
  }
  const lists = [...connection.sources, ...connection.targets].map((entry) => entry.payloadMapping);
  if (lists.some((list) => list.length > limits.maxPayloadMappers)) {
    return configurationInvalid('The number of configured payload mappings exceeded the limit.', `At most ${limits.maxPayloadMappers} payload mappings are allowed per source or target.`);
  }
  return undefined;
}
