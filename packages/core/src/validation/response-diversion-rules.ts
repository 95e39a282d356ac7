import type { DittoError } from '../errors/ditto-error.js';
import { connectionIdInvalid, isValidConnectionId } from '../model/connection-id.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

const RESPONSE_TYPES = new Set(['response', 'error', 'nack']);

/** Rule 10 of §11 (connection-model §10). */
export function checkResponseDiversion({ connection }: ValidationContext): DittoError | undefined {
  const config = connection.specificConfig;
  if (config['is-diversion-target'] === 'true' && connection.targets.some((target) => target.topics.length > 0)) {
    return configurationInvalid('Targets of a response diversion target connection must not have topics.', "Remove the topics or set 'is-diversion-target' to false.");
  }
  for (const id of (config['authorized-connections-as-sources'] ?? '').split(',').map((entry) => entry.trim())) {
    if (id !== '' && !isValidConnectionId(id)) return connectionIdInvalid(id);
  }
  for (const source of connection.sources) {
    const divertTo = source.headerMapping['divert-response-to-connection'];
    if (divertTo !== undefined && !divertTo.includes('{{')) {
      if (divertTo.trim() === '') return configurationInvalid('The response diversion target connection id must not be empty.');
      if (!isValidConnectionId(divertTo)) return connectionIdInvalid(divertTo);
      if (divertTo === connection.id) return configurationInvalid('A connection cannot divert responses to itself.');
    }
    const types = source.headerMapping['divert-expected-response-types'];
    if (config['is-diversion-source'] === 'true' && types !== undefined && !types.includes('{{')) {
      const unknown = types.split(',').map((type) => type.trim()).find((type) => !RESPONSE_TYPES.has(type));
      if (unknown !== undefined) {
        return configurationInvalid(`The diverted response type '${unknown}' is not valid.`, 'Valid types are: response, error, nack.');
      }
    }
  }
  return undefined;
}
