import type { ContainerModule } from 'inversify';
import { DittoError } from '../errors/ditto-error.js';
import type { ConnectionTypeSpec } from './connection-type-spec.js';
import { BINDING_DEFINITION_BRAND } from './tokens.js';

/** What a binding package default-exports. @public */
export interface BindingDefinition {
  readonly [BINDING_DEFINITION_BRAND]: true;
  readonly packageName: string;
  readonly packageVersion: string;
  /** The BINDING_API_VERSION the package was compiled against (from its generated version file). */
  readonly apiVersion: string;
  readonly connectionTypes: readonly ConnectionTypeSpec[];
  /** Binds the package's services and one BINDING_PLUGIN per connection type. */
  readonly containerModule: ContainerModule;
}

/** The fields a binding supplies to {@link defineBinding}. @public */
export type BindingDefinitionInput = Omit<BindingDefinition, typeof BINDING_DEFINITION_BRAND>;

/**
 * Checks the shape of a binding definition and stamps the brand core recognises.
 * Throws a DittoError naming the first malformed field.
 * @public
 */
export function defineBinding(input: BindingDefinitionInput): BindingDefinition {
  const problem = shapeProblem(input);
  if (problem) {
    throw new DittoError({ status: 500, error: 'twinlink:binding.definition.invalid', message: `The binding definition of '${String(input?.packageName)}' is invalid: ${problem}.` });
  }
  return Object.freeze({ ...input, [BINDING_DEFINITION_BRAND]: true as const });
}

/** True for an object stamped by any copy of core's {@link defineBinding}. @public */
export function isBindingDefinition(value: unknown): value is BindingDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BINDING_DEFINITION_BRAND] === true;
}

function shapeProblem(input: BindingDefinitionInput): string | undefined {
  if (typeof input !== 'object' || input === null) return 'it is not an object';
  if (typeof input.packageName !== 'string' || input.packageName === '') return 'packageName is missing';
  if (typeof input.packageVersion !== 'string') return 'packageVersion is missing';
  if (typeof input.apiVersion !== 'string') return 'apiVersion is missing';
  if (!Array.isArray(input.connectionTypes) || input.connectionTypes.length === 0) return 'connectionTypes is empty';
  for (const spec of input.connectionTypes) {
    if (typeof spec?.type !== 'string' || spec.type === '') return 'a connection type has no name';
    if (typeof spec.validate !== 'function') return `connection type '${spec.type}' has no validate function`;
  }
  if (typeof input.containerModule !== 'object' || input.containerModule === null) return 'containerModule is missing';
  return undefined;
}
