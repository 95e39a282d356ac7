import type { DittoError } from '../errors/ditto-error.js';
import type { Connection } from '../model/connection.js';
import { connectionIdInvalid, isValidConnectionId } from '../model/connection-id.js';
import { DIVERT_EXPECTED_RESPONSE_TYPES, DIVERT_RESPONSE_TO_CONNECTION, isResponseType, responseDiversionConfig } from '../model/response-diversion.js';
import type { ResponseDiversionConfig } from '../model/response-diversion.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

/**
 * Rule 10 of §11 (connection-model §10), in the order of Ditto's ResponseDiversionValidator:
 * diverted response types, diversion target ids, authorized source ids, topics of a diversion target.
 * Header mapping values are checked as given: a placeholder is no connection id (dynamic diversion
 * is set by a payload mapper).
 */
export function checkResponseDiversion({ connection }: ValidationContext): DittoError | undefined {
  const config = responseDiversionConfig(connection.specificConfig);
  return checkResponseTypes(connection, config) ?? checkDiversionTargets(connection) ?? checkAuthorizedSources(connection, config) ?? checkTargetTopics(connection, config);
}

function checkResponseTypes(connection: Connection, config: ResponseDiversionConfig): DittoError | undefined {
  if (!config.isSource) return undefined;
  for (const source of connection.sources) {
    const types = source.headerMapping[DIVERT_EXPECTED_RESPONSE_TYPES] ?? '';
    const invalid = types.split(',').map((type) => type.trim()).find((type) => type !== '' && !isResponseType(type));
    if (invalid !== undefined) return configurationInvalid(`Invalid response type in <${DIVERT_EXPECTED_RESPONSE_TYPES}>: ${invalid}. Valid types are: response, error, nack`);
  }
  return undefined;
}

function checkDiversionTargets(connection: Connection): DittoError | undefined {
  for (const source of connection.sources) {
    const divertTo = source.headerMapping[DIVERT_RESPONSE_TO_CONNECTION];
    if (divertTo === undefined) continue;
    if (divertTo.trim() === '') return configurationInvalid(`The ${DIVERT_RESPONSE_TO_CONNECTION} in headerMapping must not be empty`);
    if (!isValidConnectionId(divertTo)) return configurationInvalid(`Invalid target connection ID format in ${DIVERT_RESPONSE_TO_CONNECTION}: ${divertTo}`);
    if (divertTo === connection.id) {
      return configurationInvalid(
        `It is pointless to divert responses to the originating connection, it will receive the responses by default. Remove the ${DIVERT_RESPONSE_TO_CONNECTION} from the headerMapping of connection: ${connection.id}`,
      );
    }
  }
  return undefined;
}

// Only a diversion target's list is checked; an empty entry in a non-empty list is an invalid id.
function checkAuthorizedSources(connection: Connection, config: ResponseDiversionConfig): DittoError | undefined {
  const list = (connection.specificConfig['authorized-connections-as-sources'] ?? '').trim();
  if (!config.isTarget || list === '') return undefined;
  const invalid = list.split(',').map((id) => id.trim()).find((id) => !isValidConnectionId(id));
  return invalid === undefined ? undefined : connectionIdInvalid(invalid);
}

function checkTargetTopics(connection: Connection, config: ResponseDiversionConfig): DittoError | undefined {
  const target = config.isTarget ? connection.targets.find((candidate) => candidate.topics.length > 0) : undefined;
  if (target === undefined) return undefined;
  return configurationInvalid(
    `Connection ${connection.id} has topics configured in target '${target.address}' but isDiversionTarget is true. When isDiversionTarget is true, no topics must be configured in targets.`,
    "Remove the topics or set 'is-diversion-target' to false.",
  );
}
