import { OUTBOUND_NAMESPACES } from '../binding-api/connection-type-spec.js';
import type { ConnectionTypeSpec } from '../binding-api/connection-type-spec.js';
import { DittoError } from '../errors/ditto-error.js';
import { parseTargetTopic } from '../topics/index.js';
import { checkTemplatePlaceholders } from './placeholder-check.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid, placeholderInvalid } from './validation-errors.js';

const ENFORCEMENT_FILTER_NAMESPACES = ['thing', 'policy', 'entity'];

function check(template: string, namespaces: readonly string[], where: string): DittoError | undefined {
  const error = checkTemplatePlaceholders(template, namespaces);
  return error ? placeholderInvalid(where, error) : undefined;
}

function checkAll(entries: Iterable<readonly [string, string]>, namespaces: readonly string[] | 'unchecked'): DittoError | undefined {
  if (namespaces === 'unchecked') return undefined;
  for (const [where, template] of entries) {
    const error = check(template, namespaces, where);
    if (error) return error;
  }
  return undefined;
}

/** URI scheme of the type, and `ca` only with a secure scheme (rule 11, first part). */
export function checkUriScheme({ connection, uri }: ValidationContext, spec: ConnectionTypeSpec): DittoError | undefined {
  if (connection.connectionType === 'hono') return undefined;
  if (!spec.uriSchemes.includes(uri.scheme)) {
    return new DittoError({
      status: 400,
      error: 'connectivity:connection.uri.invalid',
      message: `The URI scheme '${uri.scheme}' is not valid for ${connection.connectionType}.`,
      description: `Accepted URI schemes are: ${spec.uriSchemes.join(', ')}`,
    });
  }
  if (connection.ca !== undefined && !spec.secureUriSchemes.includes(uri.scheme)) {
    return new DittoError({
      status: 400,
      error: 'connectivity:connection.uri.invalid',
      message: 'The connection has trusted certificates configured but uses an insecure protocol.',
      description: `Use one of the secure schemes: ${spec.secureUriSchemes.join(', ')}`,
    });
  }
  return undefined;
}

/** Sources/targets allowed by the type's capabilities. */
export function checkCapabilities({ connection }: ValidationContext, spec: ConnectionTypeSpec): DittoError | undefined {
  if (!spec.capabilities.sources && connection.sources.length > 0) return configurationInvalid(`A connection of type '${connection.connectionType}' may not have any source.`);
  if (!spec.capabilities.targets && connection.targets.length > 0) return configurationInvalid(`A connection of type '${connection.connectionType}' may not have any target.`);
  return undefined;
}

/** Placeholders of enforcement, header mappings, target addresses and extraFields, by the type's rules. */
export function checkPlaceholders({ connection }: ValidationContext, spec: ConnectionTypeSpec): DittoError | undefined {
  const rules = spec.placeholders;
  for (const [index, source] of connection.sources.entries()) {
    const enforcement = source.enforcement;
    const error =
      (enforcement && check(enforcement.input, rules.enforcementInput, `The enforcement input of source ${index}`)) ||
      (enforcement && checkAll(enforcement.filters.map((f, i) => [`Enforcement filter ${i} of source ${index}`, f] as const), rules.enforcementFilters ?? ENFORCEMENT_FILTER_NAMESPACES)) ||
      checkAll(Object.entries(source.headerMapping).map(([key, value]) => [`The header mapping '${key}' of source ${index}`, value] as const), rules.sourceHeaderMapping);
    if (error) return error;
  }
  for (const [index, target] of connection.targets.entries()) {
    const error =
      check(target.address, OUTBOUND_NAMESPACES, `The address of target ${index}`) ||
      checkAll(Object.entries(target.headerMapping).map(([key, value]) => [`The header mapping '${key}' of target ${index}`, value] as const), rules.targetHeaderMapping) ||
      checkExtraFields(target.topics);
    if (error) return error;
  }
  return undefined;
}

/** extraFields failures are returned as the raw `placeholder:*` error (not wrapped), as Ditto does. */
function checkExtraFields(topics: readonly string[]): DittoError | undefined {
  for (const topic of topics) {
    for (const pointer of parseTargetTopic(topic).extraFields ?? []) {
      const error = checkTemplatePlaceholders(pointer, OUTBOUND_NAMESPACES);
      if (error) return error;
    }
  }
  return undefined;
}
