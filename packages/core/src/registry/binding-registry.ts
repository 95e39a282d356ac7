import { BINDING_API_VERSION } from '../binding-api/api-version.js';
import { isApiCompatible } from '../binding-api/api-compatibility.js';
import type { BindingDefinition } from '../binding-api/binding-definition.js';
import { isBindingDefinition } from '../binding-api/binding-definition.js';
import type { ConnectionTypeSpec } from '../binding-api/connection-type-spec.js';

/** Why a binding was not loaded; stable codes. @public */
export type BindingSkipCode =
  | 'TWINLINK_ERR_BINDING_NOT_A_BINDING'
  | 'TWINLINK_ERR_BINDING_API_MISMATCH'
  | 'TWINLINK_ERR_BINDING_DUPLICATE_TYPE'
  | 'TWINLINK_ERR_BINDING_LOAD';

/** A binding that was offered but not accepted. @public */
export interface SkippedBinding {
  readonly packageName: string;
  readonly packageVersion?: string;
  readonly code: BindingSkipCode;
  readonly reason: string;
}

/** A connection type with the binding that provides it. @public */
export interface RegisteredConnectionType {
  readonly spec: ConnectionTypeSpec;
  readonly binding: BindingDefinition;
}

/** The package that provides each of Ditto's connection types, for "not installed" errors. @public */
export const BINDING_PACKAGE_BY_TYPE: Readonly<Record<string, string>> = {
  mqtt: '@twinlink/binding-mqtt',
  'mqtt-5': '@twinlink/binding-mqtt',
  'amqp-091': '@twinlink/binding-amqp091',
  'amqp-10': '@twinlink/binding-amqp10',
  kafka: '@twinlink/binding-kafka',
  hono: '@twinlink/binding-kafka',
  'http-push': '@twinlink/binding-http',
};

/**
 * The accepted bindings, keyed by connection type. Offered definitions that are not branded,
 * compiled against an incompatible binding API, or claim a type another binding already has are
 * skipped with a coded reason; the first to claim a type wins.
 * @public
 */
export class BindingRegistry {
  readonly accepted: readonly BindingDefinition[];
  readonly skipped: readonly SkippedBinding[];
  private readonly byType = new Map<string, RegisteredConnectionType>();

  constructor(offered: readonly unknown[], coreApiVersion: string = BINDING_API_VERSION) {
    const accepted: BindingDefinition[] = [];
    const skipped: SkippedBinding[] = [];
    for (const candidate of offered) {
      const problem = this.problemOf(candidate, coreApiVersion);
      if (problem) {
        skipped.push(problem);
        continue;
      }
      const binding = candidate as BindingDefinition;
      for (const spec of binding.connectionTypes) this.byType.set(spec.type, { spec, binding });
      accepted.push(binding);
    }
    this.accepted = accepted;
    this.skipped = skipped;
  }

  /** The registered type, or undefined when no accepted binding provides it. */
  get(connectionType: string): RegisteredConnectionType | undefined {
    return this.byType.get(connectionType);
  }

  /** Every connection type of the accepted bindings. */
  types(): string[] {
    return [...this.byType.keys()];
  }

  private problemOf(candidate: unknown, coreApiVersion: string): SkippedBinding | undefined {
    if (!isBindingDefinition(candidate)) {
      const name = typeof candidate === 'object' && candidate !== null ? String((candidate as { packageName?: unknown }).packageName ?? 'unknown') : 'unknown';
      return { packageName: name, code: 'TWINLINK_ERR_BINDING_NOT_A_BINDING', reason: 'The default export is not a binding definition made by defineBinding().' };
    }
    const identity = { packageName: candidate.packageName, packageVersion: candidate.packageVersion };
    if (!isApiCompatible(candidate.apiVersion, coreApiVersion)) {
      return { ...identity, code: 'TWINLINK_ERR_BINDING_API_MISMATCH', reason: `Built against binding API ${candidate.apiVersion}; this core offers ${coreApiVersion}.` };
    }
    const taken = candidate.connectionTypes.find((spec) => this.byType.has(spec.type));
    if (taken) {
      const owner = this.byType.get(taken.type)?.binding.packageName ?? 'another binding';
      return { ...identity, code: 'TWINLINK_ERR_BINDING_DUPLICATE_TYPE', reason: `Connection type '${taken.type}' is already provided by ${owner}.` };
    }
    return undefined;
  }
}
